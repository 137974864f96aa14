package reflect

import "unsafe"

type flag uintptr

const (
	// flagStickyRO: obtained through an unexported non-embedded field
	// (inherited by everything reached from it); flagEmbedRO: through an
	// unexported embedded field (not inherited by its fields). Interface
	// and Set are not allowed on either.
	flagStickyRO flag = 1 << iota
	flagEmbedRO
	// flagAddr: the value is addressable (reached through a pointer,
	// slice element or addressable array/struct).
	flagAddr
	// flagMethod: a method value; typ and ptr are the receiver's, the
	// method's index (among the exported methods) is flag>>flagMethodShift.
	flagMethod
	// flagMethodFunc: a Method.Func value (receiver as first argument); ptr
	// points to a methodFunc.
	flagMethodFunc

	flagMethodShift = 10
	flagRO          = flagStickyRO | flagEmbedRO
)

// ro returns the read-only flag to give values derived from v.
func (f flag) ro() flag {
	if f&flagRO != 0 {
		return flagStickyRO
	}
	return 0
}

// Value is the reflection interface to a Go value. ptr always points to
// memory holding the value (for direct-interface types too); for method
// values it is the receiver's.
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

// mustBeExported panics if v is the zero Value or was obtained through an
// unexported field.
func (v Value) mustBeExported(method string) {
	if v.typ == nil {
		panic(&ValueError{method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

// mustBeAssignable panics if v cannot be set (gc's messages).
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
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	return Value{t, unsafe_New(t), 0}
}

// New returns a Value representing a pointer to a new zero value for the
// specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	p := new(unsafe.Pointer)
	*p = unsafe_New(t)
	return Value{ptrTo(t), unsafe.Pointer(p), 0}
}

// NewAt returns a Value representing a pointer to a value of the
// specified type, using p as that pointer.
func NewAt(typ Type, p unsafe.Pointer) Value {
	pp := new(unsafe.Pointer)
	*pp = p
	return Value{ptrTo(typ.common()), unsafe.Pointer(pp), 0}
}

// Indirect returns the value that v points to (v itself if v is not a
// pointer; the zero Value for a nil pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

func (v Value) IsValid() bool { return v.typ != nil }

func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	if v.flag&flagMethod != 0 {
		return Func
	}
	return Kind(v.typ.kind)
}

func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	if v.flag&flagMethod != 0 {
		_, _, mt := v.methodTarget("Type")
		return mt
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

// CanSet reports whether the value of v can be changed: addressable and
// not obtained through unexported struct fields.
func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

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

// TypeAssert is semantically equivalent to v2, ok := v.Interface().(T).
func TypeAssert[T any](v Value) (T, bool) {
	if v.typ == nil {
		panic(&ValueError{"reflect.TypeAssert", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.TypeAssert: cannot return value obtained from unexported field or method")
	}
	if v.flag&(flagMethod|flagMethodFunc) == 0 && TypeFor[T]().common() == v.typ {
		return *(*T)(v.ptr), true
	}
	x, ok := packEface(v).(T)
	return x, ok
}

func packEface(v Value) any {
	if v.flag&(flagMethod|flagMethodFunc) != 0 {
		return makeEface(methodFuncValue(v))
	}
	if v.Kind() == Interface {
		// The interface's own dynamic value.
		t, w := ifaceWords(v)
		return makeEface(t, w)
	}
	if v.typ.directIface() {
		return makeEface(v.typ, *(*unsafe.Pointer)(v.ptr))
	}
	// A value that is not addressable is a copy no one changes (an
	// interface's boxed value, a part of one, a call's result): the
	// interface shares it, as gc's packEface does. An addressable one may
	// change after this, so small integers and bools take the runtime's
	// static values (as the compiler's own boxing does) and other values
	// a private copy.
	if v.flag&flagAddr == 0 {
		return makeEface(v.typ, v.ptr)
	}
	switch v.typ.Kind() {
	case Bool, Int8, Uint8, Int16, Uint16, Int32, Uint32, Int, Int64, Uint, Uint64, Uintptr:
		bits := loadBits(v.ptr, v.typ.size)
		if bits < 256 {
			return makeEface(v.typ, staticUint64(bits))
		}
	}
	p := unsafe_New(v.typ)
	typedmemmove(v.typ, p, v.ptr)
	return makeEface(v.typ, p)
}

func loadBits(p unsafe.Pointer, size uintptr) uint64 {
	switch size {
	case 1:
		return uint64(*(*uint8)(p))
	case 2:
		return uint64(*(*uint16)(p))
	case 4:
		return uint64(*(*uint32)(p))
	}
	return *(*uint64)(p)
}

func storeBits(p unsafe.Pointer, size uintptr, bits uint64) {
	switch size {
	case 1:
		*(*uint8)(p) = uint8(bits)
	case 2:
		*(*uint16)(p) = uint16(bits)
	case 4:
		*(*uint32)(p) = uint32(bits)
	default:
		*(*uint64)(p) = bits
	}
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

// dataWord returns v's value in the form an interface's data word holds
// it: the value itself for pointer-shaped types, else a pointer to a copy.
func (v Value) dataWord() unsafe.Pointer {
	if v.typ.directIface() {
		return *(*unsafe.Pointer)(v.ptr)
	}
	p := unsafe_New(v.typ)
	typedmemmove(v.typ, p, v.ptr)
	return p
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
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return loadBits(v.ptr, v.typ.size)
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

// CanInt reports whether Int can be used without panicking.
func (v Value) CanInt() bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return true
	}
	return false
}

// CanUint reports whether Uint can be used without panicking.
func (v Value) CanUint() bool {
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return true
	}
	return false
}

// CanFloat reports whether Float can be used without panicking.
func (v Value) CanFloat() bool {
	switch v.Kind() {
	case Float32, Float64:
		return true
	}
	return false
}

// CanComplex reports whether Complex can be used without panicking.
func (v Value) CanComplex() bool {
	switch v.Kind() {
	case Complex64, Complex128:
		return true
	}
	return false
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
	return "<" + v.Type().String() + " Value>"
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
	case Map, Chan:
		h := *(*unsafe.Pointer)(v.ptr)
		if h == nil {
			return 0
		}
		return *(*int)(h)
	case Pointer:
		if v.typ.elem.Kind() == Array {
			return int(v.typ.elem.len)
		}
		panic("reflect: call of reflect.Value.Len on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).cap
	case Array:
		return int(v.typ.len)
	case Chan:
		h := *(*unsafe.Pointer)(v.ptr)
		if h == nil {
			return 0
		}
		return *(*int)(unsafe.Add(h, unsafe.Sizeof(0)))
	case Pointer:
		if v.typ.elem.Kind() == Array {
			return int(v.typ.elem.len)
		}
		panic("reflect: call of reflect.Value.Cap on ptr to non-array Value")
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
		return Value{et, unsafe.Add(s.data, uintptr(i)*et.size), v.flag.ro() | flagAddr}
	case Array:
		if uint(i) >= uint(v.typ.len) {
			panic("reflect: array index out of range")
		}
		et := v.typ.elem
		return Value{et, unsafe.Add(v.ptr, uintptr(i)*et.size), v.flag & (flagRO | flagAddr)}
	case String:
		s := *(*string)(v.ptr)
		if uint(i) >= uint(len(s)) {
			panic("reflect: string index out of range")
		}
		b := new(byte)
		*b = s[i]
		return Value{uint8Type(), unsafe.Pointer(b), v.flag.ro()}
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
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		// (rgoc parses `*(*[]byte)(p)` as a conversion to **[]byte.)
		bp := (*[]byte)(v.ptr)
		return *bp
	case Array:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		return unsafe.Slice((*byte)(v.ptr), int(v.typ.len))
	}
	panic(&ValueError{"reflect.Value.Bytes", v.Kind()})
}

func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return int(v.typ.nfields)
}

// Field returns the i'th field of the struct v.
func (v Value) Field(i int) Value {
	if v.Kind() != Struct {
		panic(&ValueError{"reflect.Value.Field", v.Kind()})
	}
	if uint(i) >= uint(v.typ.nfields) {
		panic("reflect: Field index out of range")
	}
	f := v.typ.field(i)
	fl := v.flag & (flagStickyRO | flagAddr)
	if !isExportedName(f.name) {
		if f.embedded != 0 {
			fl |= flagEmbedRO
		} else {
			fl |= flagStickyRO
		}
	}
	return Value{f.typ, unsafe.Add(v.ptr, f.offset), fl}
}

// FieldByIndex returns the nested field corresponding to index; it panics
// when it steps through a nil embedded pointer.
func (v Value) FieldByIndex(index []int) Value {
	if len(index) == 1 {
		return v.Field(index[0])
	}
	v.mustBe(Struct, "reflect.Value.FieldByIndex")
	for i, x := range index {
		if i > 0 {
			if v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
				if v.IsNil() {
					panic("reflect: indirection through nil pointer to embedded struct")
				}
				v = v.Elem()
			}
		}
		v = v.Field(x)
	}
	return v
}

// FieldByIndexErr is FieldByIndex returning an error instead of panicking
// at a nil embedded pointer.
func (v Value) FieldByIndexErr(index []int) (Value, error) {
	if len(index) == 1 {
		return v.Field(index[0]), nil
	}
	v.mustBe(Struct, "reflect.Value.FieldByIndexErr")
	for i, x := range index {
		if i > 0 {
			if v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
				if v.IsNil() {
					return Value{}, &nilEmbedError{v.typ.elem.Name()}
				}
				v = v.Elem()
			}
		}
		v = v.Field(x)
	}
	return v, nil
}

type nilEmbedError struct{ name string }

func (e *nilEmbedError) Error() string {
	return "reflect: indirection through nil pointer to embedded struct field " + e.name
}

// FieldByName returns the struct field with the given name (promoted
// through embedded structs as in Go), or the zero Value.
func (v Value) FieldByName(name string) Value {
	if f, ok := v.typ.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// FieldByNameFunc returns the struct field with a name that satisfies the
// match function.
func (v Value) FieldByNameFunc(match func(string) bool) Value {
	if f, ok := v.typ.FieldByNameFunc(match); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// Elem returns the value that the interface v contains or that the
// pointer v points to.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface:
		t, w := ifaceWords(v)
		return valueFromIface(t, w, v.flag.ro())
	case Pointer:
		p := *(*unsafe.Pointer)(v.ptr)
		if p == nil {
			return Value{}
		}
		return Value{v.typ.elem, p, v.flag&flagRO | flagAddr}
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

// Addr returns a pointer value representing the address of v.
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	p := new(unsafe.Pointer)
	*p = v.ptr
	return Value{ptrTo(v.typ), unsafe.Pointer(p), v.flag.ro()}
}

// UnsafeAddr returns a pointer to v's data.
func (v Value) UnsafeAddr() uintptr {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		if v.flag&flagMethod != 0 {
			return false
		}
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
	case Func:
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
		if v.flag&flagMethod != 0 {
			// gc returns the address of its method-value trampoline.
			_, fn, _ := v.methodTarget("UnsafePointer")
			return fn
		}
		// A func value is a closure pointer; gc reports the code pointer.
		c := *(*unsafe.Pointer)(v.ptr)
		if c == nil {
			return nil
		}
		return *(*unsafe.Pointer)(c)
	case Slice:
		return (*sliceHeader)(v.ptr).data
	case String:
		return unsafe.Pointer(unsafe.StringData(*(*string)(v.ptr)))
	}
	panic(&ValueError{"reflect.Value.UnsafePointer", v.Kind()})
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

//go:linkname mapassign runtime.mapassign
func mapassign(t *rtype, h unsafe.Pointer, key unsafe.Pointer) unsafe.Pointer

//go:linkname mapdelete runtime.mapdelete
func mapdelete(t *rtype, h unsafe.Pointer, key unsafe.Pointer)

//go:linkname mapclear runtime.mapclear
func mapclear(t *rtype, h unsafe.Pointer)

//go:linkname makemap runtime.makemap
func makemap(t *rtype, hint int) unsafe.Pointer

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
	if v.Kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.Kind()})
	}
	return &MapIter{m: v}
}

// Next advances the iterator and reports whether there is another entry.
func (it *MapIter) Next() bool {
	if !it.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if !it.started {
		it.started = true
		it.it = new([16]unsafe.Pointer)
		mapiterinit(it.m.typ, *(*unsafe.Pointer)(it.m.ptr), it.it)
	} else {
		if it.key == nil {
			panic("MapIter.Next called on exhausted iterator")
		}
		mapiternext(it.it)
	}
	it.key = unsafe.Pointer(it.it[0])
	it.elem = unsafe.Pointer(it.it[1])
	return it.key != nil
}

// Reset modifies it to iterate over v (the zero Value releases the map).
func (it *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.mustBe(Map, "reflect.MapIter.Reset")
	}
	it.m = v
	it.it = nil
	it.started = false
	it.key = nil
	it.elem = nil
}

// Key returns the key of the iterator's current map entry (a copy).
func (it *MapIter) Key() Value {
	if !it.started {
		panic("MapIter.Key called before Next")
	}
	if it.key == nil {
		panic("MapIter.Key called on exhausted iterator")
	}
	return copyVal(it.m.typ.key, it.key, it.m.flag.ro())
}

// Value returns the value of the iterator's current map entry (a copy).
func (it *MapIter) Value() Value {
	if !it.started {
		panic("MapIter.Value called before Next")
	}
	if it.key == nil {
		panic("MapIter.Value called on exhausted iterator")
	}
	return copyVal(it.m.typ.elem, it.elem, it.m.flag.ro())
}

// SetIterKey assigns to v the key of iter's current map entry.
func (v Value) SetIterKey(iter *MapIter) {
	v.setIter(iter, "SetIterKey", iter.m.typ.key, iter.key)
}

// SetIterValue assigns to v the value of iter's current map entry.
func (v Value) SetIterValue(iter *MapIter) {
	v.setIter(iter, "SetIterValue", iter.m.typ.elem, iter.elem)
}

func (v Value) setIter(iter *MapIter, method string, t *rtype, p unsafe.Pointer) {
	if !iter.started {
		panic("reflect: Value." + method + " called before Next")
	}
	if iter.key == nil {
		panic("reflect: Value." + method + " called on exhausted iterator")
	}
	v.mustBeAssignable("reflect.Value." + method)
	v.set(Value{t, p, iter.m.flag.ro()}, "reflect.MapIter.Set"+method[7:])
}

func copyVal(t *rtype, p unsafe.Pointer, fl flag) Value {
	c := unsafe_New(t)
	typedmemmove(t, c, p)
	return Value{t, c, fl}
}

// MapKeys returns the keys of the map, in unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	keys := make([]Value, 0, v.Len())
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
	key = key.assignTo("reflect.Value.MapIndex", v.typ.key)
	h := *(*unsafe.Pointer)(v.ptr)
	if h == nil {
		return Value{}
	}
	e := mapaccess(v.typ, h, key.ptr)
	if e == nil {
		return Value{}
	}
	return copyVal(v.typ.elem, e, v.flag.ro()|key.flag.ro())
}

// SetMapIndex sets the element associated with key in the map v to elem;
// the zero Value as elem deletes the key.
func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "reflect.Value.SetMapIndex")
	v.mustBeExported("reflect.Value.SetMapIndex")
	key.mustBeExported("reflect.Value.SetMapIndex")
	key = key.assignTo("reflect.Value.SetMapIndex", v.typ.key)
	h := *(*unsafe.Pointer)(v.ptr)
	if !elem.IsValid() {
		if h != nil {
			mapdelete(v.typ, h, key.ptr)
		}
		return
	}
	elem.mustBeExported("reflect.Value.SetMapIndex")
	elem = elem.assignTo("reflect.Value.SetMapIndex", v.typ.elem)
	e := mapassign(v.typ, h, key.ptr)
	typedmemmove(v.typ.elem, e, elem.ptr)
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

// InterfaceData returns the interface v's two words.
//
// Deprecated: The memory representation of interface values is not
// compatible with InterfaceData.
func (v Value) InterfaceData() [2]uintptr {
	v.mustBe(Interface, "reflect.Value.InterfaceData")
	return *(*[2]uintptr)(v.ptr)
}
