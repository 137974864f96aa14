// Package reflect: Go's reflect over rgoc's type descriptors
// (runtime/src/types.rs): types (type.go, typeops.go: relations, field
// and method lookup, PointerTo/SliceOf/FuncOf through the typelinks
// table), values (value.go: reading; set.go: setting, making, slices,
// channels; convert.go; call.go: Call and methods through the compiler's
// call adapters, method values as closures over the compiler's bound and
// tfn code), iterators (iter.go), VisibleFields and DeepEqual. Not
// supported: StructOf (no run-time layouts).
package reflect

import (
	"iter"
	"unsafe"
)

// A Kind represents the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if uint(k) < uint(len(kindNames)) {
		return kindNames[uint(k)]
	}
	return "kind" + itoa(int(k))
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	var b [24]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// Type flag bits (runtime/src/types.rs tflag).
const (
	tflagNamed       = 1
	tflagComparable  = 2
	tflagRegularMem  = 4
	tflagDirectIface = 8
)

// rtype mirrors runtime/src/types.rs `Type` field for field (a map
// type's descriptor has one more word, mapRType's hasher).
type rtype struct {
	size       uintptr
	ptrdata    uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      unsafe.Pointer // comparable types: the Equal func value {runtime.eqfunc, t}
	gcdata     unsafe.Pointer
	name       string
	pkgpath    string
	elem       *rtype
	key        *rtype
	len        uintptr
	fields     unsafe.Pointer
	nfields    uintptr
	nin        uintptr
	methods    unsafe.Pointer
	nmethods   uintptr
	call       unsafe.Pointer // func types: call adapter (codegen/typedesc.rs)
	bound      unsafe.Pointer // func types: method-value code
	ptrto      *rtype         // *T when the program has that type
	makefunc   unsafe.Pointer // func types: MakeFunc code
}

// fieldDesc mirrors runtime/src/types.rs `FieldDesc`.
type fieldDesc struct {
	name     string
	typ      *rtype
	offset   uintptr
	tag      string
	embedded uintptr
}

// methodDesc mirrors runtime/src/types.rs `MethodDesc`.
type methodDesc struct {
	name string
	mtyp *rtype
	ifn  unsafe.Pointer
	tfn  unsafe.Pointer // method expression code (receiver first)
}

func (t *rtype) field(i int) *fieldDesc {
	if i < 0 || uintptr(i) >= t.nfields {
		panic("reflect: Field index out of bounds")
	}
	return (*fieldDesc)(unsafe.Add(t.fields, uintptr(i)*unsafe.Sizeof(fieldDesc{})))
}

func (t *rtype) method(i int) *methodDesc {
	if i < 0 || uintptr(i) >= t.nmethods {
		panic("reflect: Method index out of range")
	}
	return (*methodDesc)(unsafe.Add(t.methods, uintptr(i)*unsafe.Sizeof(methodDesc{})))
}

func (t *rtype) directIface() bool { return t.tflag&tflagDirectIface != 0 }

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Comparable() bool
	Bits() int
	Elem() Type
	Key() Type
	Len() int
	Field(i int) StructField
	NumField() int
	In(i int) Type
	Out(i int) Type
	NumIn() int
	NumOut() int
	IsVariadic() bool
	MethodByName(string) (Method, bool)
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByNameFunc(match func(string) bool) (StructField, bool)
	ChanDir() ChanDir
	OverflowComplex(x complex128) bool
	OverflowFloat(x float64) bool
	OverflowInt(x int64) bool
	OverflowUint(x uint64) bool
	CanSeq() bool
	CanSeq2() bool
	Fields() iter.Seq[StructField]
	Methods() iter.Seq[Method]
	Ins() iter.Seq[Type]
	Outs() iter.Seq[Type]
	common() *rtype
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			return unquote(qvalue), true
		}
	}
	return "", false
}

// unquote undoes simple Go string quoting (\" \\ \n \t).
func unquote(q string) string {
	q = q[1 : len(q)-1]
	var b []byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c == '\\' && i+1 < len(q) {
			i++
			switch q[i] {
			case 'n':
				c = '\n'
			case 't':
				c = '\t'
			default:
				c = q[i]
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type  // method type (with the receiver first, except for interfaces)
	Func    Value // func with receiver as first argument (not for interfaces)
	Index   int
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

func (t *rtype) common() *rtype { return t }
func (t *rtype) Align() int     { return int(t.align) }
func (t *rtype) FieldAlign() int {
	return int(t.fieldAlign)
}
func (t *rtype) Size() uintptr    { return t.size }
func (t *rtype) String() string   { return gcStructSpacing(t.name) }
func (t *rtype) Kind() Kind       { return Kind(t.kind) }
func (t *rtype) Comparable() bool { return t.tflag&tflagComparable != 0 }

func (t *rtype) Name() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	s := t.name
	end := len(s)
	for j := 0; j < len(s); j++ {
		if s[j] == '[' {
			end = j
			break
		}
	}
	i := end - 1
	for i >= 0 && s[i] != '.' {
		i--
	}
	return s[i+1:]
}

func (t *rtype) PkgPath() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	return t.pkgpath
}

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.size) * 8
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return toType(t.key)
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return int(t.len)
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return int(t.nfields)
}

func isExportedName(s string) bool {
	return len(s) > 0 && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 0x80 && isUpperUTF8(s))
}

// isUpperUTF8 approximates unicode.IsUpper for a non-ASCII first rune:
// Latin-1, Latin Extended-A and Greek/Cyrillic capitals.
func isUpperUTF8(s string) bool {
	r, _ := decodeRune(s)
	switch {
	case r >= 0xC0 && r <= 0xDE && r != 0xD7:
		return true
	case r >= 0x100 && r <= 0x17F:
		return r%2 == 0
	case r >= 0x391 && r <= 0x3AB:
		return true
	case r >= 0x400 && r <= 0x42F:
		return true
	}
	return false
}

func decodeRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0xFFFD, 0
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	f := t.field(i)
	sf := StructField{
		Name:      f.name,
		Type:      toType(f.typ),
		Tag:       StructTag(f.tag),
		Offset:    f.offset,
		Index:     []int{i},
		Anonymous: f.embedded != 0,
	}
	if !isExportedName(f.name) {
		sf.PkgPath = t.pkgpath
		if sf.PkgPath == "" {
			sf.PkgPath = "main"
		}
	}
	return sf
}

func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return int(t.nfields)
	}
	n := 0
	for i := 0; i < int(t.nmethods); i++ {
		if isExportedName(t.method(i).name) {
			n++
		}
	}
	return n
}

// Method returns the i'th exported method (sorted by name). For a
// non-interface type its Type has the receiver as first parameter and
// Func calls it; for an interface type Type is the method's signature.
func (t *rtype) Method(i int) Method {
	if t.Kind() == Interface {
		if i < 0 || uintptr(i) >= t.nfields {
			panic("reflect: Method index out of range")
		}
		f := t.field(i)
		m := Method{Name: f.name, Type: toType(f.typ), Index: i}
		if !isExportedName(f.name) {
			m.PkgPath = t.fieldPkgPath()
		}
		return m
	}
	if i < 0 || i >= t.NumMethod() {
		panic("reflect: Method index out of range")
	}
	md := t.exportedMethod(i)
	mt := md.mtyp
	ts := make([]*rtype, 0, mt.nfields+1)
	ts = append(ts, t)
	for j := 0; j < int(mt.nfields); j++ {
		ts = append(ts, mt.field(j).typ)
	}
	ft := funcOf(ts, mt.NumIn()+1, mt.IsVariadic())
	return Method{
		Name:  md.name,
		Type:  toType(ft),
		Func:  Value{ft, unsafe.Pointer(&methodFunc{(*tfnObj)(tfnClosure(md.tfn)), t, i}), flagMethodFunc},
		Index: i,
	}
}

func tfnClosure(code unsafe.Pointer) unsafe.Pointer {
	if code == nil {
		return nil
	}
	return unsafe.Pointer(&tfnObj{code})
}

func (t *rtype) NumIn() int {
	if t.Kind() != Func {
		panic("reflect: NumIn of non-func type " + t.String())
	}
	return int(t.nin &^ (1 << 63))
}

func (t *rtype) NumOut() int {
	if t.Kind() != Func {
		panic("reflect: NumOut of non-func type " + t.String())
	}
	return int(t.nfields) - t.NumIn()
}

func (t *rtype) In(i int) Type {
	if i < 0 || i >= t.NumIn() {
		panic("reflect: Function index out of bounds")
	}
	return toType(t.field(i).typ)
}

func (t *rtype) Out(i int) Type {
	if i < 0 || i >= t.NumOut() {
		panic("reflect: Function index out of bounds")
	}
	return toType(t.field(t.NumIn() + i).typ)
}

func (t *rtype) IsVariadic() bool {
	if t.Kind() != Func {
		panic("reflect: IsVariadic of non-func type " + t.String())
	}
	return t.nin&(1<<63) != 0
}

// toType converts a descriptor to a Type (nil for a nil descriptor, so that
// TypeOf(nil) == nil).
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// emptyInterface is the header of an interface{} value.
type emptyInterface struct {
	typ  *rtype
	word unsafe.Pointer
}

// nonEmptyInterface is the header of an interface value with methods; the
// itab's second word is the dynamic type.
type nonEmptyInterface struct {
	itab *[2]*rtype
	word unsafe.Pointer
}

// TypeOf returns the dynamic type of i, or nil when i is nil.
func TypeOf(i any) Type {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	return toType(e.typ)
}

// gcStructSpacing rewrites struct type literals in a type string the way
// gc's reflect prints them: "struct {}" and "struct { A int; b string }".
// (rgoc's descriptors carry go/types' spelling "struct{A int; b string}";
// once the compiler emits gc's spelling this is a no-op.)
func gcStructSpacing(s string) string {
	if !containsStructBrace(s) {
		return s
	}
	var b []byte
	var stack []bool // per open brace: opened by a non-empty struct literal
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			// A struct tag: copy the quoted string verbatim.
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				j = len(s) - 1
			}
			b = append(b, s[i:j+1]...)
			i = j
		case c == '{' && i >= 6 && s[i-6:i] == "struct" && (i == 6 || !isIdentByte(s[i-7])):
			if i+1 < len(s) && s[i+1] == '}' {
				b = append(b, " {}"...)
				i++
				continue
			}
			b = append(b, " { "...)
			stack = append(stack, true)
		case c == '{':
			b = append(b, c)
			stack = append(stack, false)
		case c == '}':
			if n := len(stack); n > 0 {
				if stack[n-1] {
					b = append(b, ' ')
				}
				stack = stack[:n-1]
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

func containsStructBrace(s string) bool {
	for i := 0; i+7 <= len(s); i++ {
		if s[i:i+7] == "struct{" {
			return true
		}
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
