// os: Args, Getenv, LookupEnv, Environ, Exit (deferred calls do not run).
package main

import "os"

func main() {
	println(len(os.Args), os.Getenv("HOME") != "", os.Getenv("NOPE_XYZ") == "")
	v, ok := os.LookupEnv("HOME")
	println(v != "", ok, len(os.Environ()) > 0)
	defer println("not printed")
	os.Exit(3)
}
