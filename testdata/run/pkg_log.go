// log: Logger with prefixes and flags (no time fields, so the output is deterministic), Lmsgprefix, Panic recovered, Fatal exits 1.
package main

import (
	"log"
	"os"
	"strings"
)

func main() {
	var sb strings.Builder
	l := log.New(&sb, "app: ", 0)
	l.Println("hello", 42)
	l.Printf("value=%d", 7)
	l.SetFlags(log.Lmsgprefix)
	l.SetPrefix("[p] ")
	l.Print("after prefix")
	os.Stdout.WriteString(sb.String())
	println(l.Flags() == log.Lmsgprefix, l.Prefix(), log.Flags() == log.LstdFlags)
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		l.Panicf("bad %s", "thing")
	}()
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Println("to stdout")
	log.Fatalf("fatal: %v", "exit 1")
}
