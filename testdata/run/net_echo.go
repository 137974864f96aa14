// TCP on the loopback interface through the network poller: an echo
// server with several concurrent clients, a read deadline that expires,
// and Close unblocking a blocked Accept.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

func echoServer(ln net.Listener, done chan<- struct{}) {
	var wg sync.WaitGroup
	for {
		c, err := ln.Accept()
		if err != nil {
			wg.Wait()
			close(done)
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			io.Copy(c, c)
		}()
	}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	addr := ln.Addr().(*net.TCPAddr)
	fmt.Println("listening on 127.0.0.1:", addr.IP.String(), addr.Port != 0)
	done := make(chan struct{})
	go echoServer(ln, done)

	// Several clients at once, each sending lines and reading them back.
	const clients = 8
	results := make([]string, clients)
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				results[i] = "dial: " + err.Error()
				return
			}
			defer c.Close()
			r := bufio.NewReader(c)
			var got []string
			for j := 0; j < 50; j++ {
				msg := fmt.Sprintf("client %d line %d %s\n", i, j, strings.Repeat("x", j*100))
				if _, err := io.WriteString(c, msg); err != nil {
					results[i] = "write: " + err.Error()
					return
				}
				line, err := r.ReadString('\n')
				if err != nil {
					results[i] = "read: " + err.Error()
					return
				}
				if line != msg {
					results[i] = "mismatch"
					return
				}
				got = append(got, line[:len(fmt.Sprintf("client %d line %d", i, j))])
			}
			results[i] = fmt.Sprintf("%d lines, last %q", len(got), got[len(got)-1])
		}(i)
	}
	wg.Wait()
	sort.Strings(results)
	for _, r := range results {
		fmt.Println(r)
	}

	// A big transfer in both directions at once.
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	big := []byte(strings.Repeat("0123456789abcdef", 1<<16)) // 1 MiB
	go func() {
		c.Write(big)
		c.(*net.TCPConn).CloseWrite()
	}()
	back, err := io.ReadAll(c)
	fmt.Println("big echo:", len(back), err, string(back) == string(big))
	c.Close()

	// A read deadline that expires: nobody writes to this connection.
	c, err = net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	start := time.Now()
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	buf := make([]byte, 10)
	n, err := c.Read(buf)
	el := time.Since(start)
	fmt.Println("read:", n, err != nil)
	var ne net.Error
	fmt.Println("timeout error:", strings.HasSuffix(err.Error(), "i/o timeout"), errors.Is(err, os.ErrDeadlineExceeded),
		errors.As(err, &ne) && ne.Timeout())
	fmt.Println("waited at least 50ms:", el >= 50*time.Millisecond, "less than 5s:", el < 5*time.Second)
	// Once cleared, the connection works again.
	c.SetReadDeadline(time.Time{})
	c.Write([]byte("again\n"))
	line, err := bufio.NewReader(c).ReadString('\n')
	fmt.Printf("after clearing the deadline: %q %v\n", line, err)
	// A deadline in the past fails at once.
	c.SetReadDeadline(time.Now().Add(-time.Second))
	_, err = c.Read(buf)
	fmt.Println("past deadline:", errors.Is(err, os.ErrDeadlineExceeded))
	c.Close()
	_, err = c.Read(buf)
	fmt.Println("read after close:", errors.Is(err, net.ErrClosed))

	// Close unblocks the server's blocked Accept.
	time.Sleep(20 * time.Millisecond)
	ln.Close()
	select {
	case <-done:
		fmt.Println("accept unblocked by close")
	case <-time.After(5 * time.Second):
		fmt.Println("accept still blocked")
	}

	// A second listener: Accept blocked in another goroutine returns
	// net.ErrClosed.
	ln2, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	errc := make(chan error)
	go func() {
		_, err := ln2.Accept()
		errc <- err
	}()
	time.Sleep(20 * time.Millisecond)
	ln2.Close()
	err = <-errc
	fmt.Println("accept error:", errors.Is(err, net.ErrClosed), strings.Contains(err.Error(), "use of closed network connection"))

	// Dialing a closed port is refused.
	_, err = net.Dial("tcp", ln2.Addr().String())
	fmt.Println("dial closed port:", err != nil && strings.Contains(err.Error(), "connection refused"))
}
