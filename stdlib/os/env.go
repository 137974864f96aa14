package os

import "unsafe"

//go:linkname runtime_argc runtime.argc
func runtime_argc() int

//go:linkname runtime_argv runtime.argv
func runtime_argv(i int, n *int) *byte

//go:linkname runtime_envc runtime.envc
func runtime_envc() int

//go:linkname runtime_envv runtime.envv
func runtime_envv(i int, n *int) *byte

// Args hold the command-line arguments, starting with the program name.
var Args []string = runtimeArgs()

func runtimeArgs() []string {
	n := runtime_argc()
	args := make([]string, n)
	for i := 0; i < n; i++ {
		var l int
		p := runtime_argv(i, &l)
		args[i] = copyCString(p, l)
	}
	return args
}

func copyCString(p *byte, n int) string {
	if p == nil || n == 0 {
		return ""
	}
	return string(unsafe.Slice(p, n))
}

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string {
	n := runtime_envc()
	env := make([]string, 0, n)
	for i := 0; i < n; i++ {
		var l int
		p := runtime_envv(i, &l)
		env = append(env, copyCString(p, l))
	}
	return env
}

// LookupEnv retrieves the value of the environment variable named by the
// key; ok reports whether it is present (the first entry wins, as in gc).
func LookupEnv(key string) (string, bool) {
	n := runtime_envc()
	for i := 0; i < n; i++ {
		var l int
		p := runtime_envv(i, &l)
		if l <= len(key) || p == nil {
			continue
		}
		b := unsafe.Slice(p, l)
		if b[len(key)] == '=' && string(b[:len(key)]) == key {
			return string(b[len(key)+1:]), true
		}
	}
	return "", false
}

// Getenv retrieves the value of the environment variable named by the key;
// empty when it is not present.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}
