// os/signal from GOROOT over the runtime's signal queue: Notify, Stop,
// Ignore, Ignored, Reset, NotifyContext; children (this program run again)
// show gc's default actions: SIGTERM, SIGINT and SIGHUP end the process by
// the signal, SIGUSR1 is dropped, Ignore and Reset hold in the child;
// SIGPIPE on stdout and other pipes; SIGQUIT's report.

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) > 1 {
		child(os.Args[1])
		return
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	s := <-c
	fmt.Println("got:", s, s == syscall.SIGUSR1)

	// Two signals on one channel, then on two channels.
	c2 := make(chan os.Signal, 2)
	signal.Notify(c2, syscall.SIGUSR2, syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	fmt.Println("got:", <-c2)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fmt.Println("got:", <-c2)

	// Stop: no more deliveries to c; SIGUSR1 is then ignored by default.
	signal.Stop(c)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	time.Sleep(50 * time.Millisecond)
	select {
	case s := <-c:
		fmt.Println("after Stop:", s)
	default:
		fmt.Println("after Stop: nothing")
	}

	// Ignore.
	signal.Ignore(syscall.SIGUSR2)
	fmt.Println("Ignored:", signal.Ignored(syscall.SIGUSR2), signal.Ignored(syscall.SIGUSR1))
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	time.Sleep(50 * time.Millisecond)
	select {
	case s := <-c2:
		fmt.Println("after Ignore:", s)
	default:
		fmt.Println("after Ignore: nothing")
	}

	// NotifyContext.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	<-ctx.Done()
	fmt.Println("ctx:", ctx.Err(), context.Cause(ctx))
	stop()

	// Reset of SIGHUP: back to dying.
	signal.Reset(syscall.SIGHUP)

	// Children: unnotified SIGTERM, SIGINT and SIGHUP end them by the signal;
	// SIGUSR1 is ignored; SIGINT with Notify is delivered.
	exe, _ := os.Executable()
	for _, mode := range []string{"term", "int", "hup", "usr1", "notify-int", "ignore-term", "reset-term"} {
		out, err := exec.Command(exe, mode).CombinedOutput()
		fmt.Printf("child %s: %q %v\n", mode, out, err)
	}
	// SIGPIPE: a write to a pipe without readers fails with EPIPE, except
	// on stdout and stderr, where it ends the program by SIGPIPE.
	r, w, _ := os.Pipe()
	r.Close()
	_, err := w.Write([]byte("x"))
	fmt.Println("write to closed pipe:", err)
	pr, pw, _ := os.Pipe()
	cmd := exec.Command(exe, "stdout")
	cmd.Stdout = pw
	var sb strings.Builder
	cmd.Stderr = &sb
	cmd.Start()
	pw.Close()
	pr.Close()
	err = cmd.Wait()
	fmt.Printf("child stdout: %v %q\n", err, sb.String())

	// SIGQUIT: gc's report (its first line here) and exit status 2.
	out, err := exec.Command(exe, "quit").CombinedOutput()
	first, _, _ := strings.Cut(string(out), "\n")
	fmt.Printf("child quit: %q %v\n", first, err)

	fmt.Println("signal names:", os.Interrupt, os.Kill, syscall.SIGTERM, syscall.SIGQUIT, syscall.Signal(40))
}

func child(mode string) {
	switch mode {
	case "term":
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
	case "int":
		syscall.Kill(os.Getpid(), syscall.SIGINT)
	case "hup":
		syscall.Kill(os.Getpid(), syscall.SIGHUP)
	case "usr1":
		syscall.Kill(os.Getpid(), syscall.SIGUSR1)
		time.Sleep(50 * time.Millisecond)
		fmt.Println("survived SIGUSR1")
		return
	case "notify-int":
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt)
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		fmt.Println("child got", <-c)
		return
	case "ignore-term":
		signal.Ignore(syscall.SIGTERM)
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		time.Sleep(50 * time.Millisecond)
		fmt.Println("survived SIGTERM")
		return
	case "stdout":
		time.Sleep(100 * time.Millisecond)
		for i := 0; i < 10; i++ {
			_, err := fmt.Println("line")
			fmt.Fprintln(os.Stderr, "err:", err)
		}
		return
	case "quit":
		syscall.Kill(os.Getpid(), syscall.SIGQUIT)
	case "reset-term":
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		signal.Reset(syscall.SIGTERM)
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
	}
	time.Sleep(time.Second)
	fmt.Println("not killed")
}
