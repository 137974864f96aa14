// net/http over the loopback interface: an httptest server and an
// http.Server on a listener, client GET and POST, headers, bodies,
// status codes.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
)

func handler() http.Handler {
	mux := http.NewServeMux()
	// (No method patterns: gc gives a program built outside a module
	// go 1.21's ServeMux, httpmuxgo121=1.)
	mux.HandleFunc("/hello/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "GET" {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "Method Not Allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("X-Greeting", "hi")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "hello, %s (query a=%q)\n", strings.TrimPrefix(r.URL.Path, "/hello/"), r.URL.Query().Get("a"))
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("X-Len", fmt.Sprint(len(b)))
		w.Header().Set("X-Client-Header", r.Header.Get("X-Custom"))
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "%s %s got %q\n", r.Method, r.URL.Path, strings.ToUpper(string(b)))
	})
	mux.HandleFunc("/teapot", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "short and stout", http.StatusTeapot)
	})
	return mux
}

func show(resp *http.Response, err error) {
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	fmt.Println(resp.Status, resp.Proto)
	var keys []string
	for k := range resp.Header {
		if k == "Date" {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %s: %s\n", k, strings.Join(resp.Header[k], ", "))
	}
	fmt.Printf("  body %q %v\n", body, err)
}

func main() {
	ts := httptest.NewServer(handler())
	defer ts.Close()
	fmt.Println("httptest URL is loopback:", strings.HasPrefix(ts.URL, "http://127.0.0.1:"))
	c := ts.Client()
	show(c.Get(ts.URL + "/hello/gopher?a=b%20c"))
	req, _ := http.NewRequest("POST", ts.URL+"/echo", strings.NewReader("some data"))
	req.Header.Set("X-Custom", "custom value")
	show(c.Do(req))
	show(c.Get(ts.URL + "/teapot"))
	show(c.Get(ts.URL + "/missing"))
	show(http.Post(ts.URL+"/hello/x", "text/plain", strings.NewReader("")))

	// An http.Server on its own listener, several requests on one
	// keep-alive connection, then Close.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := &http.Server{Handler: handler()}
	done := make(chan error)
	go func() { done <- srv.Serve(ln) }()
	base := "http://" + ln.Addr().String()
	for i := 0; i < 3; i++ {
		resp, err := http.Get(fmt.Sprintf("%s/hello/n%d", base, i))
		if err != nil {
			fmt.Println(err)
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%d %q\n", resp.StatusCode, b)
	}
	big := strings.Repeat("abcdefgh", 100000)
	resp, err := http.Post(base+"/echo", "application/octet-stream", strings.NewReader(big))
	if err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, resp.Header.Get("X-Len"), len(b))
	}
	srv.Close()
	fmt.Println("Serve returned:", <-done)
}
