package reflect

import "unsafe"

type flag uintptr

const (
	// flagRO: obtained through an unexported struct field; Interface
	// is not allowed.
	flagRO flag = 1 << iota
	// flagAddr: the value is addressable (reached through a pointer,
	// slice element or addressable array/struct).
	flagAddr
)

// Value is the reflection interface to a Go value. ptr always points to
// memory holding the value (for direct-interface types too).
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	flag flag
}

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

func (v Value) mustBe(k Kind, method string) {
	if v.Kind() != k {
		panic(&ValueError{method, v.Kind()})
	}
}

//go:linkname unsafe_New runtime.newobject
func unsafe_New(t *rtype) unsafe.Pointer

// ValueOf returns a new Value holding the concrete value stored in i;
// ValueOf(nil) is the zero Value.
func ValueOf(i any) Value {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	return valueFromIface(e.typ, e.word, 0)
}

// valueFromIface makes the Value for an interface's (type, data word).
func valueFromIface(t *rtype, word unsafe.Pointer, fl flag) Value {
	if t == nil {
		return Value{}
	}
	if t.directIface() {
		p := new(unsafe.Pointer)
		*p = word
		return Value{t, unsafe.Pointer(p), fl}
	}
	return Value{t, word, fl}
}

// Zero returns a Value holding the zero value of typ.
func Zero(typ Type) Value {
	t := typ.common()
	return Value{t, unsafe_New(t), 0}
}

func (v Value) IsValid() bool { return v.typ != nil }

func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	return Kind(v.typ.kind)
}

func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.typ
}

func (v Value) CanInterface() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

// Interface returns v's current value as an interface{}.
func (v Value) Interface() any {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return packEface(v)
}

func packEface(v Value) any {
	if v.Kind() == Interface {
		// The interface's own dynamic value.
		t, w := ifaceWords(v)
		return makeEface(t, w)
	}
	if v.typ.directIface() {
		return makeEface(v.typ, *(*unsafe.Pointer)(v.ptr))
	}
	// Small integers and bools share the runtime's static values (as the
	// compiler's own boxing does); other values get a private copy.
	switch v.typ.Kind() {
	case Bool, Int8, Uint8, Int16, Uint16, Int32, Uint32, Int, Int64, Uint, Uint64, Uintptr:
		var bits uint64
		switch v.typ.size {
		case 1:
			bits = uint64(*(*uint8)(v.ptr))
		case 2:
			bits = uint64(*(*uint16)(v.ptr))
		case 4:
			bits = uint64(*(*uint32)(v.ptr))
		default:
			bits = *(*uint64)(v.ptr)
		}
		if bits < 256 {
			return makeEface(v.typ, staticUint64(bits))
		}
	}
	p := unsafe_New(v.typ)
	typedmemmove(v.typ, p, v.ptr)
	return makeEface(v.typ, p)
}

// makeEface builds an interface{} from its two words (no temporary whose
// address escapes).
//
//go:linkname makeEface runtime.makeEface
func makeEface(t *rtype, w unsafe.Pointer) any

// staticUint64 is the address of the runtime's static value k (k < 256).
//
//go:linkname staticUint64 runtime.staticUint64
func staticUint64(k uint64) unsafe.Pointer

// typedmemmove copies a value of type t from src to dst, running the
// write barrier first when t holds pointers.
//
//go:linkname typedmemmove runtime.typedmemmove
func typedmemmove(t *rtype, dst, src unsafe.Pointer)

// ifaceWords returns the dynamic (type, data word) of an interface Value.
func ifaceWords(v Value) (*rtype, unsafe.Pointer) {
	if v.typ.nfields == 0 {
		e := (*emptyInterface)(v.ptr)
		return e.typ, e.word
	}
	e := (*nonEmptyInterface)(v.ptr)
	if e.itab == nil {
		return nil, nil
	}
	return e.itab[1], e.word
}

func (v Value) Bool() bool {
	v.mustBe(Bool, "reflect.Value.Bool")
	return *(*bool)(v.ptr)
}

func (v Value) Int() int64 {
	p := v.ptr
	switch v.Kind() {
	case Int:
		return int64(*(*int)(p))
	case Int8:
		return int64(*(*int8)(p))
	case Int16:
		return int64(*(*int16)(p))
	case Int32:
		return int64(*(*int32)(p))
	case Int64:
		return *(*int64)(p)
	}
	panic(&ValueError{"reflect.Value.Int", v.Kind()})
}

func (v Value) Uint() uint64 {
	p := v.ptr
	switch v.Kind() {
	case Uint:
		return uint64(*(*uint)(p))
	case Uint8:
		return uint64(*(*uint8)(p))
	case Uint16:
		return uint64(*(*uint16)(p))
	case Uint32:
		return uint64(*(*uint32)(p))
	case Uint64:
		return *(*uint64)(p)
	case Uintptr:
		return uint64(*(*uintptr)(p))
	}
	panic(&ValueError{"reflect.Value.Uint", v.Kind()})
}

func (v Value) Float() float64 {
	switch v.Kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.Kind()})
}

func (v Value) Complex() complex128 {
	switch v.Kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.Kind()})
}

// String returns the string v's underlying value, as a string; for other
// kinds it returns "<T Value>".
func (v Value) String() string {
	if v.Kind() == String {
		return *(*string)(v.ptr)
	}
	if v.typ == nil {
		return "<invalid Value>"
	}
	return "<" + v.typ.String() + " Value>"
}

type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

func (v Value) Len() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).len
	case Array:
		return int(v.typ.len)
	case String:
		return len(*(*string)(v.ptr))
	case Map:
		h := *(*unsafe.Pointer)(v.ptr)
		if h == nil {
			return 0
		}
		return *(*int)(h)
	case Pointer:
		if v.typ.elem.Kind() == Array {
			return int(v.typ.elem.len)
		}
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).cap
	case Array:
		return int(v.typ.len)
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

// Index returns v's i'th element (array, slice or string).
func (v Value) Index(i int) Value {
	switch v.Kind() {
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		et := v.typ.elem
		return Value{et, unsafe.Add(s.data, uintptr(i)*et.size), v.flag&flagRO | flagAddr}
	case Array:
		if uint(i) >= uint(v.typ.len) {
			panic("reflect: array index out of range")
		}
		et := v.typ.elem
		return Value{et, unsafe.Add(v.ptr, uintptr(i)*et.size), v.flag}
	case String:
		s := *(*string)(v.ptr)
		if uint(i) >= uint(len(s)) {
			panic("reflect: string index out of range")
		}
		b := new(byte)
		*b = s[i]
		return Value{uint8Type(), unsafe.Pointer(b), v.flag & flagRO}
	}
	panic(&ValueError{"reflect.Value.Index", v.Kind()})
}

func uint8Type() *rtype {
	var b any = uint8(0)
	return (*emptyInterface)(unsafe.Pointer(&b)).typ
}

// Bytes returns v's underlying value ([]byte, or an addressable [N]byte).
func (v Value) Bytes() []byte {
	switch v.Kind() {
	case Slice:
		if v.typ.elem.Kind() == Uint8 {
			// (rgoc parses `*(*[]byte)(p)` as a conversion to **[]byte.)
			bp := (*[]byte)(v.ptr)
			return *bp
		}
	case Array:
		if v.typ.elem.Kind() == Uint8 {
			if !v.CanAddr() {
				panic("reflect.Value.Bytes of unaddressable byte array")
			}
			return unsafe.Slice((*byte)(v.ptr), int(v.typ.len))
		}
	}
	panic(&ValueError{"reflect.Value.Bytes", v.Kind()})
}

func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return int(v.typ.nfields)
}

// Field returns the i'th field of the struct v.
func (v Value) Field(i int) Value {
	v.mustBe(Struct, "reflect.Value.Field")
	f := v.typ.field(i)
	fl := v.flag
	if !isExportedName(f.name) {
		fl |= flagRO
	}
	return Value{f.typ, unsafe.Add(v.ptr, f.offset), fl}
}

// FieldByName returns the struct field with the given name (direct fields
// only), or the zero Value.
func (v Value) FieldByName(name string) Value {
	v.mustBe(Struct, "reflect.Value.FieldByName")
	for i := 0; i < int(v.typ.nfields); i++ {
		if v.typ.field(i).name == name {
			return v.Field(i)
		}
	}
	return Value{}
}

// Elem returns the value that the interface v contains or that the
// pointer v points to.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface:
		t, w := ifaceWords(v)
		return valueFromIface(t, w, v.flag&flagRO)
	case Pointer:
		p := *(*unsafe.Pointer)(v.ptr)
		if p == nil {
			return Value{}
		}
		return Value{v.typ.elem, p, v.flag&flagRO | flagAddr}
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		return *(*unsafe.Pointer)(v.ptr) == nil
	case Interface:
		return *(*unsafe.Pointer)(v.ptr) == nil
	case Slice:
		return (*sliceHeader)(v.ptr).data == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

// IsZero reports whether v is the zero value for its type.
func (v Value) IsZero() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.IsZero", Invalid})
	}
	switch v.Kind() {
	case Float32, Float64:
		return v.Float() == 0 && !signbit(v.Float())
	case Complex64, Complex128:
		c := v.Complex()
		return real(c) == 0 && imag(c) == 0 && !signbit(real(c)) && !signbit(imag(c))
	case String:
		return v.Len() == 0
	case Interface, Slice:
		return v.IsNil()
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	}
	for i := uintptr(0); i < v.typ.size; i++ {
		if *(*byte)(unsafe.Add(v.ptr, i)) != 0 {
			return false
		}
	}
	return true
}

func signbit(f float64) bool {
	return *(*uint64)(unsafe.Pointer(&f))>>63 != 0
}

// Pointer returns v's value as a uintptr (pointer, map, chan, func,
// slice data, unsafe.Pointer).
func (v Value) Pointer() uintptr {
	return uintptr(v.UnsafePointer())
}

func (v Value) UnsafePointer() unsafe.Pointer {
	switch v.Kind() {
	case Chan, Map, Pointer, UnsafePointer:
		return *(*unsafe.Pointer)(v.ptr)
	case Func:
		// A func value is a closure pointer; gc reports the code pointer.
		c := *(*unsafe.Pointer)(v.ptr)
		if c == nil {
			return nil
		}
		return *(*unsafe.Pointer)(c)
	case Slice:
		return (*sliceHeader)(v.ptr).data
	}
	panic(&ValueError{"reflect.Value.UnsafePointer", v.Kind()})
}

func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return v.typ.NumMethod()
}

// Map iteration through the runtime's iterator (16 words; word 0 is the
// current key pointer, nil at the end, word 1 the element pointer). The
// words are unsafe.Pointers so that the collector sees the map and the
// group array the iterator holds.

//go:linkname mapiterinit runtime.mapiterinit
func mapiterinit(t *rtype, h unsafe.Pointer, it *[16]unsafe.Pointer)

//go:linkname mapiternext runtime.mapiternext
func mapiternext(it *[16]unsafe.Pointer)

//go:linkname mapaccess runtime.mapaccess
func mapaccess(t *rtype, h unsafe.Pointer, key unsafe.Pointer) unsafe.Pointer

// A MapIter is an iterator for ranging over a map.
type MapIter struct {
	m       Value
	it      *[16]unsafe.Pointer
	started bool
	key     unsafe.Pointer
	elem    unsafe.Pointer
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	v.mustBe(Map, "reflect.Value.MapRange")
	return &MapIter{m: v}
}

// Next advances the iterator and reports whether there is another entry.
func (it *MapIter) Next() bool {
	if !it.started {
		it.started = true
		it.it = new([16]unsafe.Pointer)
		mapiterinit(it.m.typ, *(*unsafe.Pointer)(it.m.ptr), it.it)
	} else {
		if it.key == nil {
			panic("reflect: MapIter.Next called on exhausted iterator")
		}
		mapiternext(it.it)
	}
	it.key = unsafe.Pointer(it.it[0])
	it.elem = unsafe.Pointer(it.it[1])
	return it.key != nil
}

// Key returns the key of the iterator's current map entry (a copy).
func (it *MapIter) Key() Value {
	if it.key == nil {
		panic("reflect: MapIter.Key called on exhausted iterator")
	}
	return copyVal(it.m.typ.key, it.key, it.m.flag&flagRO)
}

// Value returns the value of the iterator's current map entry (a copy).
func (it *MapIter) Value() Value {
	if it.key == nil {
		panic("reflect: MapIter.Value called on exhausted iterator")
	}
	return copyVal(it.m.typ.elem, it.elem, it.m.flag&flagRO)
}

func copyVal(t *rtype, p unsafe.Pointer, fl flag) Value {
	c := unsafe_New(t)
	typedmemmove(t, c, p)
	return Value{t, c, fl}
}

// MapKeys returns the keys of the map, in unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	var keys []Value
	it := v.MapRange()
	for it.Next() {
		keys = append(keys, it.Key())
	}
	return keys
}

// MapIndex returns the value associated with key in the map v, or the
// zero Value.
func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "reflect.Value.MapIndex")
	h := *(*unsafe.Pointer)(v.ptr)
	if h == nil {
		return Value{}
	}
	e := mapaccess(v.typ, h, key.ptr)
	if e == nil {
		return Value{}
	}
	return copyVal(v.typ.elem, e, v.flag&flagRO)
}

// StringHeader is the runtime representation of a string.
//
// Deprecated: Use unsafe.String or unsafe.StringData instead.
type StringHeader struct {
	Data uintptr
	Len  int
}

// SliceHeader is the runtime representation of a slice.
//
// Deprecated: Use unsafe.Slice or unsafe.SliceData instead.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

// Indirect returns the value that v points to. If v is a nil pointer,
// Indirect returns a zero Value. If v is not a pointer, Indirect returns v.
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// CanSet reports whether the value of v can be changed: it is
// addressable and was not obtained through an unexported struct field.
func (v Value) CanSet() bool {
	return v.flag&(flagAddr|flagRO) == flagAddr
}

func (v Value) mustBeAssignable(method string) {
	if v.typ == nil {
		panic(&ValueError{method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 {
		panic("reflect: " + method + " using unaddressable value")
	}
}

// Set assigns x to the value v. It panics if CanSet returns false. rgoc:
// x must have v's type exactly, or v must be of interface type with no
// methods (rgoc's reflect has no Implements for the general case).
func (v Value) Set(x Value) {
	v.mustBeAssignable("reflect.Set")
	if x.typ == nil {
		panic(&ValueError{"reflect.Set", Invalid})
	}
	if x.flag&flagRO != 0 {
		panic("reflect: reflect.Set using value obtained using unexported field")
	}
	if x.typ == v.typ {
		typedmemmove(v.typ, v.ptr, x.ptr)
		return
	}
	if v.Kind() == Interface && v.typ.NumMethod() == 0 {
		*(*any)(v.ptr) = packEface(x)
		return
	}
	panic("reflect.Set: value of type " + x.typ.String() + " is not assignable to type " + v.typ.String())
}

// SetBool sets v's underlying value.
func (v Value) SetBool(x bool) {
	v.mustBeAssignable("reflect.Value.SetBool")
	v.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

// SetInt sets v's underlying value to x.
func (v Value) SetInt(x int64) {
	v.mustBeAssignable("reflect.Value.SetInt")
	switch v.Kind() {
	case Int:
		*(*int)(v.ptr) = int(x)
	case Int8:
		*(*int8)(v.ptr) = int8(x)
	case Int16:
		*(*int16)(v.ptr) = int16(x)
	case Int32:
		*(*int32)(v.ptr) = int32(x)
	case Int64:
		*(*int64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.Kind()})
	}
}

// SetUint sets v's underlying value to x.
func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("reflect.Value.SetUint")
	switch v.Kind() {
	case Uint:
		*(*uint)(v.ptr) = uint(x)
	case Uint8:
		*(*uint8)(v.ptr) = uint8(x)
	case Uint16:
		*(*uint16)(v.ptr) = uint16(x)
	case Uint32:
		*(*uint32)(v.ptr) = uint32(x)
	case Uint64:
		*(*uint64)(v.ptr) = x
	case Uintptr:
		*(*uintptr)(v.ptr) = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.Kind()})
	}
}

// SetFloat sets v's underlying value to x.
func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("reflect.Value.SetFloat")
	switch v.Kind() {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.Kind()})
	}
}

// SetComplex sets v's underlying value to x.
func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("reflect.Value.SetComplex")
	switch v.Kind() {
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
	case Complex128:
		*(*complex128)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.Kind()})
	}
}

// SetString sets v's underlying value to x.
func (v Value) SetString(x string) {
	v.mustBeAssignable("reflect.Value.SetString")
	v.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}
