package main

import "fmt"

type S struct{ A int }

func main() {
	fmt.Printf("%d\n", "hi")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%z %!\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, "extra", nil, 2.5)
	fmt.Printf("%")
	fmt.Println()
	fmt.Printf("%-")
	fmt.Println()
	fmt.Printf("%*d\n", "x", 5)
	fmt.Printf("%.*d\n", "x", 5)
	fmt.Printf("%*d|\n", 10000000, 5)
	fmt.Printf("%.*f|\n", -3, 1.5)
	fmt.Printf("%[3]d %[1]d\n", 1, 2)
	fmt.Printf("%[0]d %[x]d %[2]d\n", 1, 2)
	fmt.Printf("%[2]d %d\n", 1, 2, 3)
	fmt.Printf("%t %t\n", 1, "x")
	fmt.Printf("%e %c\n", "s", 3.5)
	fmt.Printf("%d %s\n", S{1}, S{2})
	fmt.Printf("%x %d\n", []string{"a"}, []string{"a"})
	fmt.Printf("%d %v\n", nil, nil)
	fmt.Printf("%s %T\n", nil, nil)
	fmt.Printf("%q\n", 1.5)
	fmt.Printf("%d\n", true)
	fmt.Printf("%p\n", 5)
	fmt.Printf("%v %p\n", (*int)(nil), (*int)(nil))
	fmt.Printf("%d\n", map[string]bool{"k": true})
	fmt.Printf("100%%\n")
	fmt.Printf("%5%|%-5%|\n")
	fmt.Printf("no verbs\n", 1)
	fmt.Printf("%!d(string=hi) literal\n")
	fmt.Printf("%.2.3d\n", 1)
	fmt.Printf("%ñ\n", 1)
	fmt.Printf("%v %d\n", complex(1, 2), complex(1, 2))
	fmt.Printf("%s\n", []interface{}{1, "a"})
	fmt.Println(fmt.Sprintf("%08.3d|%x", -5, -1))
}
