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
	if v, ok := envSet[key]; ok {
		return v, v != unsetMark
	}
	var v string
	ok := rtsys.Envlookup(key, &v)
	return v, ok
}

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string {
	n := runtime_nenv()
	env := make([]string, 0, n)
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		kv := runtime_envat(i)
		k := kv
		for j := 0; j < len(kv); j++ {
			if kv[j] == '=' {
				k = kv[:j]
				break
			}
		}
		if v, ok := envSet[k]; ok {
			seen[k] = true
			if v != unsetMark {
				env = append(env, k+"="+v)
			}
			continue
		}
		env = append(env, kv)
	}
	for k, v := range envSet {
		if !seen[k] && v != unsetMark {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// envSet holds the variables set or unset since the program started (the
// runtime keeps the initial environment): rgoc's Setenv does not change
// the C environment.
var envSet map[string]string

const unsetMark = "\x00unset"

// Setenv sets the value of the environment variable named by the key.
func Setenv(key, value string) error {
	if len(key) == 0 {
		return &SyscallError{Syscall: "setenv", Err: Errno(22)}
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return &SyscallError{Syscall: "setenv", Err: Errno(22)}
		}
	}
	if envSet == nil {
		envSet = map[string]string{}
	}
	envSet[key] = value
	return nil
}

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error {
	if envSet == nil {
		envSet = map[string]string{}
	}
	envSet[key] = unsetMark
	return nil
}

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }
