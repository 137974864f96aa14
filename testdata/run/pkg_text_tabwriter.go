// text/tabwriter compiled from the Go distribution's sources.
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "a\tb\tc")
	fmt.Fprintln(w, "aaa\tbbbbbbb\tc")
	fmt.Fprintln(w, "x\t\tlonger cell\t")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 5, 0, 2, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "1\t22\t333\t")
	fmt.Fprintln(w, "4444\t5\t66\t")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 4, 0, '\t', tabwriter.TabIndent|tabwriter.DiscardEmptyColumns)
	fmt.Fprintf(w, "\tindented\tcol\n\t\tempty\n")
	w.Flush()

	w = tabwriter.NewWriter(os.Stdout, 0, 8, 1, '-', tabwriter.FilterHTML|tabwriter.StripEscape)
	fmt.Fprintln(w, "<b>bold</b>\t&amp;\t\xffesc\taped\xff\tz")
	fmt.Fprintln(w, "q\tr\ts\tt")
	w.Flush()
}
