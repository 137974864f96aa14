// A miniature of what encoding/json does with reflect: struct tags,
// embedded-field promotion, omitempty, pointers allocated on decode,
// maps, slices, interfaces, and marshaler methods found with Implements
// (on T and on *T through PointerTo).
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

type Marshaler interface{ Marshal() string }
type Unmarshaler interface{ Unmarshal(string) }

type Celsius float64

func (c Celsius) Marshal() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

type Upper string

func (u *Upper) Unmarshal(s string) { *u = Upper(strings.ToUpper(s)) }

type Meta struct {
	Created int    `codec:"created"`
	Author  string `codec:"author,omitempty"`
}

type Doc struct {
	Meta
	Title   string         `codec:"title"`
	Tags    []string       `codec:"tags,omitempty"`
	Temp    Celsius        `codec:"temp"`
	Owner   *Meta          `codec:"owner,omitempty"`
	Attrs   map[string]int `codec:"attrs"`
	Any     any            `codec:"any"`
	Name    Upper          `codec:"name"`
	Skip    int            `codec:"-"`
	private string
}

var marshalerType = reflect.TypeFor[Marshaler]()
var unmarshalerType = reflect.TypeFor[Unmarshaler]()

func encode(v reflect.Value) string {
	if v.Type().Implements(marshalerType) {
		return v.Interface().(Marshaler).Marshal()
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return "null"
		}
		return encode(v.Elem())
	case reflect.Slice:
		var parts []string
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, encode(v.Index(i)))
		}
		return "[" + strings.Join(parts, ",") + "]"
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		var parts []string
		for _, k := range keys {
			parts = append(parts, strconv.Quote(k.String())+":"+encode(v.MapIndex(k)))
		}
		return "{" + strings.Join(parts, ",") + "}"
	case reflect.Struct:
		var parts []string
		for _, f := range reflect.VisibleFields(v.Type()) {
			if !f.IsExported() || f.Anonymous {
				continue
			}
			name, opts, _ := strings.Cut(f.Tag.Get("codec"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			fv, err := v.FieldByIndexErr(f.Index)
			if err != nil {
				continue
			}
			if opts == "omitempty" && fv.IsZero() {
				continue
			}
			parts = append(parts, name+":"+encode(fv))
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	return "?" + v.Kind().String()
}

// decode sets v from a flat "key=value;..." form for struct targets.
func decode(s string, v reflect.Value) {
	for _, kv := range strings.Split(s, ";") {
		key, val, _ := strings.Cut(kv, "=")
		f, ok := v.Type().FieldByNameFunc(func(n string) bool {
			sf, _ := v.Type().FieldByName(n)
			tag, _, _ := strings.Cut(sf.Tag.Get("codec"), ",")
			return tag == key
		})
		if !ok {
			fmt.Println("unknown key", key)
			continue
		}
		fv := v.FieldByIndex(f.Index)
		set(fv, val)
	}
}

func set(fv reflect.Value, val string) {
	if fv.CanAddr() && reflect.PointerTo(fv.Type()).Implements(unmarshalerType) {
		fv.Addr().Interface().(Unmarshaler).Unmarshal(val)
		return
	}
	switch fv.Kind() {
	case reflect.Int:
		n, _ := strconv.ParseInt(val, 10, 64)
		if fv.OverflowInt(n) {
			fmt.Println("overflow", n)
			return
		}
		fv.SetInt(n)
	case reflect.Float64:
		x, _ := strconv.ParseFloat(val, 64)
		fv.SetFloat(x)
	case reflect.String:
		fv.SetString(val)
	case reflect.Slice:
		for _, p := range strings.Split(val, ",") {
			e := reflect.New(fv.Type().Elem()).Elem()
			set(e, p)
			fv.Set(reflect.Append(fv, e))
		}
	case reflect.Pointer:
		if fv.IsNil() {
			fv.Set(reflect.New(fv.Type().Elem()))
		}
		decode(strings.ReplaceAll(val, ",", ";"), fv.Elem())
	case reflect.Map:
		if fv.IsNil() {
			fv.Set(reflect.MakeMap(fv.Type()))
		}
		for _, p := range strings.Split(val, ",") {
			k, x, _ := strings.Cut(p, ":")
			ev := reflect.New(fv.Type().Elem()).Elem()
			set(ev, x)
			fv.SetMapIndex(reflect.ValueOf(k).Convert(fv.Type().Key()), ev)
		}
	case reflect.Interface:
		fv.Set(reflect.ValueOf(val))
	}
}

func main() {
	d := Doc{Meta: Meta{Created: 2024}, Title: "t", Temp: 21.5, Attrs: map[string]int{"b": 2, "a": 1}, Any: []any{1, "x", nil}, Skip: 9}
	fmt.Println(encode(reflect.ValueOf(d)))
	fmt.Println(encode(reflect.ValueOf(&d)))
	var e Doc
	decode("created=7;title=hello;tags=x,y;temp=3.25;owner=created=1,author=bob;attrs=k:5,j:6;any=free;name=shout", reflect.ValueOf(&e).Elem())
	fmt.Println(encode(reflect.ValueOf(e)))
	fmt.Printf("%+v %+v\n", e.Meta, *e.Owner)
	decode("nope=1", reflect.ValueOf(&e).Elem())
	fmt.Println(reflect.DeepEqual(e, e), reflect.DeepEqual(d, e))
}
