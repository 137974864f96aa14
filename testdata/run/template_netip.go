package main

import (
	"fmt"
	"html/template"
	"net/netip"
	"net/url"
	"os"
	"strings"
	ttemplate "text/template"
)

type Item struct {
	Name  string
	Price float64
	Tags  []string
}

func main() {
	// text/template: range, if, functions, printf, len.
	t := ttemplate.Must(ttemplate.New("t").Funcs(ttemplate.FuncMap{"upper": strings.ToUpper, "join": strings.Join}).Parse(
		`{{range $i, $e := .}}{{$i}}: {{upper .Name}} {{printf "%.2f" .Price}}{{if .Tags}} [{{join .Tags ", "}}]{{end}}
{{end}}{{len .}} items
`))
	items := []Item{{"apple", 1.5, []string{"fruit", "red"}}, {"bread", 2.25, nil}}
	if err := t.Execute(os.Stdout, items); err != nil {
		panic(err)
	}
	// html/template escapes by context.
	h := template.Must(template.New("h").Parse(`<a href="/q?x={{.}}" title="{{.}}">{{.}}</a><script>var x = {{.}};</script>
`))
	h.Execute(os.Stdout, `<b>"Tom & Jerry"</b>`)
	_, err := ttemplate.New("bad").Parse("{{.Foo")
	fmt.Println(err)
	err = ttemplate.Must(ttemplate.New("x").Parse("{{.Missing}}\n")).Execute(os.Stdout, items[0])
	fmt.Println(err)

	// net/netip (unique handles for zones), net/url.
	a := netip.MustParseAddr("fe80::1%eth0")
	b := netip.MustParseAddr("fe80::1%eth0")
	fmt.Println(a, a.Zone(), a == b, a.WithZone("") == netip.MustParseAddr("fe80::1"))
	p, err := netip.ParsePrefix("10.1.2.3/8")
	fmt.Println(p, p.Masked(), p.Contains(netip.MustParseAddr("10.200.0.1")), err)
	ap := netip.AddrPortFrom(netip.MustParseAddr("192.168.0.1"), 8080)
	fmt.Println(ap, ap.Addr().Is4(), ap.Port())
	_, err = netip.ParseAddr("300.1.1.1")
	fmt.Println(err)
	u, err := url.Parse("https://user:pw@example.com:8443/a%20b/c?q=1&r=x+y#frag")
	fmt.Println(u.Scheme, u.User.Username(), u.Hostname(), u.Port(), u.Path, u.Query()["r"], u.Fragment, err)
	v := url.Values{"b": {"2"}, "a": {"1", "&"}}
	fmt.Println(v.Encode(), url.QueryEscape("a b/c"), url.PathEscape("a b/c"))
}
