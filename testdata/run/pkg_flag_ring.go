// flag (FlagSet, typed flags, Parse errors, PrintDefaults) and container/ring.
package main

import (
	"container/ring"
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	n := fs.Int("n", 3, "number of `items`")
	name := fs.String("name", "", "the name")
	v := fs.Bool("v", false, "verbose")
	d := fs.Duration("wait", 2*time.Second, "how long")
	err := fs.Parse([]string{"-n", "7", "-v", "-name=bob", "rest", "args"})
	fmt.Println(err, *n, *name, *v, *d, fs.Args(), fs.NArg())
	fs.PrintDefaults()
	err = fs.Parse([]string{"-nope"})
	fmt.Println(err)
	r := ring.New(4)
	for i := 0; i < 4; i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(x any) { fmt.Print(x, " ") })
	fmt.Println(r.Len())
}
