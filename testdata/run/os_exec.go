// os/exec from GOROOT over the os overlay's processes: Output, Run with an
// exit status, CombinedOutput, Stdin from a reader, StdoutPipe and
// StdinPipe copied by goroutines, Env, Dir, LookPath, missing binaries,
// Kill, os.StartProcess and Wait, os.Executable.

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

func main() {
	// Output of a command.
	out, err := exec.Command("/bin/echo", "hello", "world").Output()
	fmt.Printf("echo: %q %v\n", out, err)

	// Exit status.
	err = exec.Command("/bin/sh", "-c", "exit 3").Run()
	fmt.Println("exit 3:", err)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		fmt.Println("ExitCode:", ee.ExitCode(), "Exited:", ee.Exited(), "Success:", ee.Success())
		fmt.Println("ProcessState:", ee.ProcessState.String())
		ws := ee.Sys().(syscall.WaitStatus)
		fmt.Println("WaitStatus:", ws.ExitStatus(), ws.Signaled())
	}

	// Success state.
	cmd := exec.Command("/bin/true")
	if err := cmd.Run(); err != nil {
		fmt.Println("true:", err)
	}
	fmt.Println("true:", cmd.ProcessState.Success(), cmd.ProcessState.ExitCode(), cmd.ProcessState)

	// CombinedOutput: stdout and stderr together.
	out, err = exec.Command("/bin/sh", "-c", "echo out; echo err 1>&2; exit 1").CombinedOutput()
	fmt.Printf("combined: %q %v\n", out, err)

	// Stderr captured in ExitError by Output.
	_, err = exec.Command("/bin/sh", "-c", "echo oops 1>&2; exit 2").Output()
	if errors.As(err, &ee) {
		fmt.Printf("stderr: %q %v\n", ee.Stderr, ee)
	}

	// Stdin from a strings.Reader.
	cmd = exec.Command("cat")
	cmd.Stdin = strings.NewReader("from stdin\nsecond line\n")
	out, err = cmd.Output()
	fmt.Printf("cat: %q %v\n", out, err)

	// A pipe read by a goroutine.
	cmd = exec.Command("/bin/sh", "-c", "for i in 1 2 3 4 5; do echo line $i; done")
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Println("StdoutPipe:", err)
		return
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	if err := cmd.Start(); err != nil {
		fmt.Println("Start:", err)
		return
	}
	n := 0
	for l := range lines {
		n++
		fmt.Println("got:", l)
	}
	fmt.Println("lines:", n, "wait:", cmd.Wait())

	// StdinPipe written from a goroutine, with a large amount of data.
	cmd = exec.Command("wc", "-c")
	in, _ := cmd.StdinPipe()
	go func() {
		defer in.Close()
		chunk := strings.Repeat("x", 1000)
		for i := 0; i < 200; i++ {
			io.WriteString(in, chunk)
		}
	}()
	out, err = cmd.Output()
	fmt.Printf("wc: %s %v\n", strings.TrimSpace(string(out)), err)

	// Env and Dir.
	cmd = exec.Command("/bin/sh", "-c", "echo $FOO; pwd")
	cmd.Env = []string{"FOO=bar"}
	cmd.Dir = "/"
	out, err = cmd.Output()
	fmt.Printf("env/dir: %q %v\n", out, err)

	// os.Setenv reaches children.
	os.Setenv("RGOC_EXEC_TEST", "inherited")
	out, _ = exec.Command("/bin/sh", "-c", "echo $RGOC_EXEC_TEST").Output()
	fmt.Printf("setenv: %q\n", out)

	// LookPath.
	p, err := exec.LookPath("sh")
	fmt.Println("LookPath sh:", p != "" && err == nil)
	_, err = exec.LookPath("no-such-program-rgoc")
	fmt.Println("LookPath missing:", err, errors.Is(err, exec.ErrNotFound))

	// A missing binary.
	err = exec.Command("/no/such/binary").Run()
	fmt.Println("missing:", err, errors.Is(err, os.ErrNotExist))
	err = exec.Command("no-such-program-rgoc").Run()
	fmt.Println("missing in PATH:", err)

	// A bad directory.
	cmd = exec.Command("/bin/true")
	cmd.Dir = "/no/such/dir"
	fmt.Println("bad dir:", cmd.Run())

	// Killed by a signal.
	cmd = exec.Command("/bin/sleep", "10")
	if err := cmd.Start(); err != nil {
		fmt.Println(err)
		return
	}
	cmd.Process.Kill()
	err = cmd.Wait()
	fmt.Println("killed:", err, cmd.ProcessState.ExitCode())

	// os.StartProcess directly.
	r, w, _ := os.Pipe()
	proc, err := os.StartProcess("/bin/echo", []string{"echo", "direct"}, &os.ProcAttr{Files: []*os.File{nil, w, os.Stderr}})
	w.Close()
	if err != nil {
		fmt.Println("StartProcess:", err)
		return
	}
	data, _ := io.ReadAll(r)
	st, err := proc.Wait()
	fmt.Printf("direct: %q %v %v\n", data, st, err)
	_, err = proc.Wait()
	fmt.Println("second wait:", err)
	fmt.Println("signal after wait:", proc.Signal(os.Interrupt))

	// Executable.
	exe, err := os.Executable()
	fmt.Println("Executable:", exe != "" && err == nil)
}
