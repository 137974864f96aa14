// text/template from GOROOT: fields, methods, range/else, if/with,
// pipelines with builtin and custom functions, nested templates, and an
// execution error.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Tags  []string
}

func (i Item) Expensive() bool { return i.Price > 10 }

func main() {
	funcs := template.FuncMap{"upper": strings.ToUpper, "add": func(a, b int) int { return a + b }}
	const text = `{{define "item"}}- {{.Name | upper}} {{printf "%.2f" .Price}}{{if .Expensive}} (expensive){{end}}{{range $i, $t := .Tags}} #{{add $i 1}}:{{$t}}{{end}}
{{end}}Order for {{.Customer}}:
{{range .Items}}{{template "item" .}}{{else}}nothing
{{end}}{{with .Note}}Note: {{.}}
{{end}}Total items: {{len .Items}}, first: {{(index .Items 0).Name}}
{{- /* a comment */ -}}
{{"\n"}}{{printf "%q %v %d" "x" true 42}} {{eq 1 1}} {{lt 2 1}} {{and 1 0}} {{or 0 "y"}} {{not false}}
`
	t := template.Must(template.New("order").Funcs(funcs).Parse(text))
	data := map[string]any{
		"Customer": "Ada",
		"Items": []Item{
			{"tea", 4.5, []string{"hot", "green"}},
			{"cake", 12.25, nil},
		},
		"Note": "leave at the door",
	}
	if err := t.Execute(os.Stdout, data); err != nil {
		fmt.Println("error:", err)
	}
	var sb strings.Builder
	err := template.Must(template.New("bad").Parse("{{.Missing.Field}}")).Execute(&sb, data)
	fmt.Println("error:", err)
	_, err = template.New("syntax").Parse("{{if}}")
	fmt.Println("parse error:", err)
	fmt.Println(template.HTMLEscapeString("<a href='x'>&</a>"), template.JSEscapeString("it's \"q\""))
}
