// encoding/csv compiled from the Go distribution's sources.
package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	in := `first_name,last_name,username
"Rob","Pike",rob
Ken,Thompson,ken
"Robert","Griesemer","gri"
"multi
line","with ""quotes""",x
`
	r := csv.NewReader(strings.NewReader(in))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		line, col := r.FieldPos(0)
		fmt.Printf("%d %q (field 0 at %d:%d) offset=%d\n", len(rec), rec, line, col, r.InputOffset())
	}

	r = csv.NewReader(strings.NewReader("a;b;c\n# comment\nd;e;f\n"))
	r.Comma = ';'
	r.Comment = '#'
	all, err := r.ReadAll()
	fmt.Println(all, err)

	r = csv.NewReader(strings.NewReader("a,b\nc\n"))
	_, err = r.ReadAll()
	var pe *csv.ParseError
	fmt.Println(err, errors.As(err, &pe), errors.Is(err, csv.ErrFieldCount))

	r = csv.NewReader(strings.NewReader("a,\"b\nc"))
	_, err = r.ReadAll()
	fmt.Println(err)

	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"plain", "with,comma", "with \"quote\"", " lead space", "line\nbreak", ""})
	w.UseCRLF = true
	w.WriteAll([][]string{{"x", "y"}, {"1", "2"}})
	fmt.Println(w.Error())
}
