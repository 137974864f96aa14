// An inventory report: parses a small CSV-like stock list, validates it,
// groups and sorts items, and prints a formatted report. Exercises fmt,
// strings, strconv, sort, errors and maps together.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

const data = `
# sku, name, category, qty, price, tags
A100, widget, tools, 12, 2.50, metal small
A101, gadget, tools, 3, 19.99, plastic
B200, apple, food, 40, 0.35, fresh red
B201, banana, food, 25, 0.20, fresh yellow
B202, cherry, food, x7, 4.10, fresh red
C300, lamp, home, 2, 34.00, glass
C301, rug, home, 0, 120.5, wool big
C302, mug, home, 15, abc, ceramic
A102, hammer, tools, 7, 11.75, metal heavy
D400, novel, books, 5, 8.99, paper
D401, atlas
`

// Category is a small enum with a Stringer.
type Category int

const (
	Tools Category = iota
	Food
	Home
	Books
)

var categoryNames = []string{"tools", "food", "home", "books"}

func (c Category) String() string {
	if c < 0 || int(c) >= len(categoryNames) {
		return "Category(" + strconv.Itoa(int(c)) + ")"
	}
	return categoryNames[c]
}

type Item struct {
	SKU      string
	Name     string
	Cat      Category
	Qty      int
	Price    float64
	Tags     []string
}

func (it Item) Value() float64 { return float64(it.Qty) * it.Price }

func (it *Item) Restock(n int) { it.Qty += n }

func (it Item) String() string {
	return fmt.Sprintf("%s(%s x%d)", it.SKU, it.Name, it.Qty)
}

// ParseError is a custom error type carrying the line number.
type ParseError struct {
	Line  int
	Field string
	Err   error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: field %s: %v", e.Line, e.Field, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

var ErrShortRecord = errors.New("short record")
var ErrUnknownCategory = errors.New("unknown category")

func parseCategory(s string) (Category, error) {
	for i, n := range categoryNames {
		if n == s {
			return Category(i), nil
		}
	}
	return -1, fmt.Errorf("%q: %w", s, ErrUnknownCategory)
}

func parseLine(n int, line string) (Item, error) {
	parts := strings.Split(line, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if len(parts) < 6 {
		return Item{}, &ParseError{n, "record", fmt.Errorf("%d fields: %w", len(parts), ErrShortRecord)}
	}
	cat, err := parseCategory(parts[2])
	if err != nil {
		return Item{}, &ParseError{n, "category", err}
	}
	qty, err := strconv.Atoi(parts[3])
	if err != nil {
		return Item{}, &ParseError{n, "qty", err}
	}
	price, err := strconv.ParseFloat(parts[4], 64)
	if err != nil {
		return Item{}, &ParseError{n, "price", err}
	}
	return Item{parts[0], parts[1], cat, qty, price, strings.Fields(parts[5])}, nil
}

// byValue sorts items by descending value, then SKU.
type byValue []Item

func (s byValue) Len() int      { return len(s) }
func (s byValue) Swap(i, j int) { s[i], s[j] = s[j], s[i] }
func (s byValue) Less(i, j int) bool {
	vi, vj := s[i].Value(), s[j].Value()
	if vi != vj {
		return vi > vj
	}
	return s[i].SKU < s[j].SKU
}

type byCat []Item

func (s byCat) Len() int           { return len(s) }
func (s byCat) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
func (s byCat) Less(i, j int) bool { return s[i].Cat < s[j].Cat }

type Describer interface{ Describe() string }

type Shelf struct {
	Label string
	Items []Item
}

func (s Shelf) Describe() string {
	names := make([]string, 0, len(s.Items))
	for _, it := range s.Items {
		names = append(names, it.Name)
	}
	return s.Label + ": " + strings.Join(names, ", ")
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func main() {
	var items []Item
	var errs []error
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		it, err := parseLine(n, line)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, it)
	}

	fmt.Println("== errors ==")
	for _, err := range errs {
		fmt.Println(err)
		var pe *ParseError
		pe, _ = err.(*ParseError)
		fmt.Printf("  %T field=%-8s short=%t numerr=%t\n", err, pe.Field,
			errors.Is(err, ErrShortRecord), errors.Is(err, strconv.ErrSyntax))
		fmt.Printf("  unwrapped: %v\n", errors.Unwrap(err))
	}
	wrapped := fmt.Errorf("load: %w", errs[len(errs)-1])
	fmt.Println(wrapped, errors.Is(wrapped, ErrShortRecord), errors.Unwrap(errors.Unwrap(wrapped)) == nil)
	if _, err := parseCategory("garden"); errors.Is(err, ErrUnknownCategory) {
		fmt.Printf("category error: %v\n", err)
	}

	fmt.Println("== table ==")
	fmt.Printf("%-5s|%-8s|%6s|%4s|%8s|%9s\n", "SKU", "NAME", "CAT", "QTY", "PRICE", "VALUE")
	fmt.Println(strings.Repeat("-", 46))
	total := 0.0
	for _, it := range items {
		fmt.Printf("%-5s|%-8s|%6v|%4d|%8.2f|%9.3f\n", it.SKU, title(it.Name), it.Cat, it.Qty, it.Price, it.Value())
		total += it.Value()
	}
	fmt.Printf("%-31s %14.2f\n", "TOTAL", total)
	fmt.Printf("%v\n%+v\n", items[0], struct {
		SKU string
		Qty int
	}{items[0].SKU, items[0].Qty})
	fmt.Printf("%q %x %X %#x %08.3f %+d %e\n", items[1].Name, items[1].SKU, 255, 48879, 3.14159, 42, 12345.678)
	fmt.Printf("%6.2f|%-6.2f|%T|%T|%v\n", 3.14159, 2.5, items[0].Cat, items, items[0].Tags)

	fmt.Println("== maps ==")
	tagCount := map[string]int{}
	byCategory := map[Category][]string{}
	for _, it := range items {
		for _, t := range it.Tags {
			tagCount[t]++
		}
		byCategory[it.Cat] = append(byCategory[it.Cat], it.SKU)
	}
	delete(tagCount, "small")
	for _, k := range sortedKeys(tagCount) {
		fmt.Printf("%-8s %s\n", k, strings.Repeat("*", tagCount[k]))
	}
	cats := make([]int, 0)
	for c := range byCategory {
		cats = append(cats, int(c))
	}
	sort.Ints(cats)
	for _, c := range cats {
		skus := byCategory[Category(c)]
		sort.Strings(skus)
		fmt.Printf("%-6v %d %v\n", Category(c), len(skus), skus)
	}
	fmt.Println(len(tagCount), Category(7), map[string]int{"b": 2, "a": 1})

	fmt.Println("== sorting ==")
	sorted := append([]Item(nil), items...)
	sort.Sort(byValue(sorted))
	for i, it := range sorted {
		fmt.Printf("%2d. %-20v %8.2f\n", i+1, it, it.Value())
	}
	sort.Stable(byCat(sorted))
	var sb strings.Builder
	for i, it := range sorted {
		if i > 0 {
			sb.WriteString(" ")
		}
		fmt.Fprintf(&sb, "%s/%v", it.SKU, it.Cat)
	}
	fmt.Println(sb.String(), sb.Len())
	qtys := []int{}
	for _, it := range items {
		qtys = append(qtys, it.Qty)
	}
	sort.Ints(qtys)
	idx := sort.Search(len(qtys), func(i int) bool { return qtys[i] >= 10 })
	fmt.Println(qtys, idx, qtys[idx:])

	fmt.Println("== closures and interfaces ==")
	counter := func() func(string) int {
		seen := map[string]int{}
		return func(s string) int {
			seen[s]++
			return seen[s]
		}
	}()
	for _, w := range strings.Fields("red fresh red metal red") {
		fmt.Print(counter(w), " ")
	}
	fmt.Println()
	var ds []Describer
	for _, c := range cats {
		sh := Shelf{Label: strings.ToUpper(Category(c).String())}
		for _, it := range items {
			if int(it.Cat) == c {
				sh.Items = append(sh.Items, it)
			}
		}
		ds = append(ds, sh)
	}
	for _, d := range ds {
		fmt.Println(d.Describe())
	}
	p := &items[0]
	p.Restock(8)
	fmt.Println(items[0], p.Value())

	fmt.Println("== strconv ==")
	for _, s := range []string{"42", "-17", "0x1f", "9999999999999999999", ""} {
		v, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d, %v\n", s, v, err)
	}
	for _, s := range []string{"1.5e3", "inf", "-0.25", "1,5"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(1<<40, 36), strconv.Quote("tab\there \"q\" é\x01"))
	fmt.Println(strings.Replace("a-b-c-d", "-", "+", 2), strings.Replace("a-b-c-d", "-", "", -1))
}
