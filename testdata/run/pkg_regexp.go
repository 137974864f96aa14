// regexp and regexp/syntax compiled from the Go distribution's sources.
package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	s := "alice@example.com, bob@test.com; nobody@nowhere.org"
	fmt.Println(re.MatchString(s), re.FindString(s))
	fmt.Println(re.FindAllString(s, -1))
	fmt.Println(re.FindStringSubmatch(s), re.FindStringSubmatchIndex(s))
	fmt.Println(re.ReplaceAllString(s, "$2:$1"))
	fmt.Println(re.NumSubexp(), re.String())
	fmt.Println(re.ReplaceAllStringFunc(s, strings.ToUpper))

	named := regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})`)
	m := named.FindStringSubmatch("date: 2024-03-15!")
	for i, n := range named.SubexpNames() {
		if n != "" {
			fmt.Printf("%s=%s ", n, m[i])
		}
	}
	fmt.Println(named.SubexpIndex("month"))
	fmt.Println(string(named.Expand(nil, []byte("$day/$month/$year"), []byte("2024-03-15"), named.FindSubmatchIndex([]byte("2024-03-15")))))

	fmt.Println(regexp.MustCompile(`a+b*`).FindAllStringIndex("aaabbb ab a b", -1))
	fmt.Println(regexp.MustCompile(`(?i)hello|world`).FindAllString("Hello WORLD hello", 2))
	fmt.Println(regexp.MustCompile(`^\s*(\d+)\s*$`).FindStringSubmatch("  42  "))
	fmt.Println(regexp.MustCompile(`,\s*`).Split("a, b,c,   d", -1))
	fmt.Println(regexp.QuoteMeta("1.5+2=[3]?"))
	fmt.Println(regexp.MustCompile(`[[:alpha:]]+`).FindAllString("abc123def", -1))
	fmt.Println(regexp.MustCompile(`\p{Greek}+`).FindString("abc αβγ def"))
	fmt.Println(regexp.MustCompile(`(a|ab)(c|bcd)(d*)`).FindStringSubmatch("abcd"))
	lre := regexp.MustCompilePOSIX(`(a|ab)(c|bcd)(d*)`)
	fmt.Println(lre.FindStringSubmatch("abcd"))
	prefix, complete := regexp.MustCompile(`abc.*`).LiteralPrefix()
	fmt.Println(prefix, complete)

	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
	_, err = regexp.Compile(`*a`)
	fmt.Println(err)
	ok, err := regexp.MatchString(`^[a-z]+\[[0-9]+\]$`, "adam[23]")
	fmt.Println(ok, err)
	fmt.Printf("%q\n", regexp.MustCompile(`a*`).ReplaceAllString("baaac", "<$0>"))
	fmt.Printf("%q\n", regexp.MustCompile(`x*`).ReplaceAllLiteralString("abc", "-"))
}
