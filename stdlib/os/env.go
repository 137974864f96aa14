// Environment variables and command-line arguments.
package os

import "internal/rtsys"

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	n := runtime_nargs()
	Args = make([]string, n)
	for i := 0; i < n; i++ {
		Args[i] = runtime_argat(i)
	}
}

//go:linkname runtime_nargs runtime.nargs
func runtime_nargs() int

//go:linkname runtime_argat runtime.argat
func runtime_argat(i int) string

//go:linkname runtime_nenv runtime.nenv
func runtime_nenv() int

//go:linkname runtime_envat runtime.envat
func runtime_envat(i int) string

// Getenv retrieves the value of the environment variable named by the key.
// It returns the value, which will be empty if the variable is not present.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the
// key. If the variable is present the value (which may be empty) is
// returned and the boolean is true.
func LookupEnv(key string) (string, bool) {
	var v string
	ok := rtsys.Envlookup(key, &v)
	return v, ok
}

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string {
	n := runtime_nenv()
	env := make([]string, n)
	for i := 0; i < n; i++ {
		env[i] = runtime_envat(i)
	}
	return env
}
