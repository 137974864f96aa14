package reflect

// Setting values, making values, slices, channels (gc's reflect/value.go
// API and panic messages, over rgoc's runtime entry points).

import (
	"iter"
	"unsafe"
)

// assignTo returns v converted to be assignable to type dst (an interface
// value for an interface dst), or panics with gc's message.
func (v Value) assignTo(context string, dst *rtype) Value {
	if v.flag&(flagMethod|flagMethodFunc) != 0 {
		v = makeMethodValue(v)
	}
	switch {
	case directlyAssignable(dst, v.typ):
		return Value{dst, v.ptr, v.flag&flagAddr | v.flag.ro()}
	case implements(dst, v.typ):
		target := unsafe_New(dst)
		if v.Kind() == Interface && v.IsNil() {
			return Value{dst, target, 0}
		}
		var t *rtype
		var w unsafe.Pointer
		if v.Kind() == Interface {
			t, w = ifaceWords(v)
		} else {
			t, w = v.typ, v.dataWord()
		}
		e := (*emptyInterface)(target)
		if dst.nfields == 0 {
			e.typ = t
		} else {
			e.typ = (*rtype)(getitab(dst, t, 0))
		}
		e.word = w
		return Value{dst, target, 0}
	}
	panic(context + ": value of type " + v.typ.String() + " is not assignable to type " + dst.String())
}

//go:linkname getitab runtime.getitab
func getitab(inter, typ *rtype, canfail uint8) unsafe.Pointer

// set stores x (converted to v's type) in v's memory.
func (v Value) set(x Value, context string) {
	x = x.assignTo(context, v.typ)
	typedmemmove(v.typ, v.ptr, x.ptr)
}

// Set assigns x to the value v.
func (v Value) Set(x Value) {
	v.mustBeAssignable("reflect.Value.Set")
	x.mustBeExported("reflect.Value.Set")
	v.set(x, "reflect.Set")
}

// SetZero sets v to be the zero value of v's type.
func (v Value) SetZero() {
	v.mustBeAssignable("reflect.Value.SetZero")
	typedmemmove(v.typ, v.ptr, unsafe_New(v.typ))
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable("reflect.Value.SetBool")
	v.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable("reflect.Value.SetInt")
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		storeBits(v.ptr, v.typ.size, uint64(x))
		return
	}
	panic(&ValueError{"reflect.Value.SetInt", v.Kind()})
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("reflect.Value.SetUint")
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		storeBits(v.ptr, v.typ.size, x)
		return
	}
	panic(&ValueError{"reflect.Value.SetUint", v.Kind()})
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("reflect.Value.SetFloat")
	switch v.Kind() {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
		return
	case Float64:
		*(*float64)(v.ptr) = x
		return
	}
	panic(&ValueError{"reflect.Value.SetFloat", v.Kind()})
}

func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("reflect.Value.SetComplex")
	switch v.Kind() {
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
		return
	case Complex128:
		*(*complex128)(v.ptr) = x
		return
	}
	panic(&ValueError{"reflect.Value.SetComplex", v.Kind()})
}

func (v Value) SetString(x string) {
	v.mustBeAssignable("reflect.Value.SetString")
	v.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("reflect.Value.SetBytes")
	v.mustBe(Slice, "reflect.Value.SetBytes")
	if v.typ.elem.Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.ptr) = x
}

func (v Value) SetPointer(x unsafe.Pointer) {
	v.mustBeAssignable("reflect.Value.SetPointer")
	v.mustBe(UnsafePointer, "reflect.Value.SetPointer")
	*(*unsafe.Pointer)(v.ptr) = x
}

// SetLen sets v's length to n.
func (v Value) SetLen(n int) {
	v.mustBeAssignable("reflect.Value.SetLen")
	v.mustBe(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.ptr)
	if uint(n) > uint(s.cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.len = n
}

// SetCap sets v's capacity to n.
func (v Value) SetCap(n int) {
	v.mustBeAssignable("reflect.Value.SetCap")
	v.mustBe(Slice, "reflect.Value.SetCap")
	s := (*sliceHeader)(v.ptr)
	if n < s.len || n > s.cap {
		panic("reflect: slice capacity out of range in SetCap")
	}
	s.cap = n
}

// OverflowInt reports whether the int64 x cannot be represented by v's type.
func (v Value) OverflowInt(x int64) bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return v.typ.OverflowInt(x)
	}
	panic(&ValueError{"reflect.Value.OverflowInt", v.Kind()})
}

// OverflowUint reports whether the uint64 x cannot be represented by v's type.
func (v Value) OverflowUint(x uint64) bool {
	switch v.Kind() {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		return v.typ.OverflowUint(x)
	}
	panic(&ValueError{"reflect.Value.OverflowUint", v.Kind()})
}

// OverflowFloat reports whether the float64 x cannot be represented by v's type.
func (v Value) OverflowFloat(x float64) bool {
	switch v.Kind() {
	case Float32, Float64:
		return v.typ.OverflowFloat(x)
	}
	panic(&ValueError{"reflect.Value.OverflowFloat", v.Kind()})
}

// OverflowComplex reports whether the complex128 x cannot be represented by v's type.
func (v Value) OverflowComplex(x complex128) bool {
	switch v.Kind() {
	case Complex64, Complex128:
		return v.typ.OverflowComplex(x)
	}
	panic(&ValueError{"reflect.Value.OverflowComplex", v.Kind()})
}

//go:linkname makeslice runtime.makeslice
func makeslice(et *rtype, len, cap int) unsafe.Pointer

//go:linkname growslice runtime.growslice
func growslice(out *sliceHeader, oldptr unsafe.Pointer, newlen, oldcap, num int, et *rtype)

//go:linkname typedslicecopy runtime.typedslicecopy
func typedslicecopy(et *rtype, toptr unsafe.Pointer, tolen int, fromptr unsafe.Pointer, fromlen int) int

// MakeSlice creates a new zero-initialized slice value for the specified
// slice type, length, and capacity.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	t := typ.common()
	s := &sliceHeader{makeslice(t.elem, len, cap), len, cap}
	return Value{t, unsafe.Pointer(s), 0}
}

// SliceAt returns a Value representing a slice whose underlying data
// starts at p, with length and capacity equal to n.
func SliceAt(typ Type, p unsafe.Pointer, n int) Value {
	s := &sliceHeader{p, n, n}
	return Value{SliceOf(typ).common(), unsafe.Pointer(s), 0}
}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value {
	return MakeMapWithSize(typ, 0)
}

// MakeMapWithSize creates a new map with the specified type and initial
// space for approximately n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	p := new(unsafe.Pointer)
	*p = makemap(t, n)
	return Value{t, unsafe.Pointer(p), 0}
}

// Grow increases the slice's capacity, if necessary, to guarantee space
// for another n elements.
func (v Value) Grow(n int) {
	v.mustBeAssignable("reflect.Value.Grow")
	v.mustBe(Slice, "reflect.Value.Grow")
	v.grow(n)
}

func (v Value) grow(n int) {
	p := (*sliceHeader)(v.ptr)
	switch {
	case n < 0:
		panic("reflect.Value.Grow: negative len")
	case p.len+n < 0:
		panic("reflect.Value.Grow: slice overflow")
	case p.len+n > p.cap:
		var out sliceHeader
		growslice(&out, p.data, p.len+n, p.cap, n, v.typ.elem)
		out.len = p.len
		*p = out
	}
}

// extendSlice returns a copy of the slice v with n more elements.
func (v Value) extendSlice(n int) Value {
	v.mustBeExported("reflect.Append")
	v.mustBe(Slice, "reflect.Append")
	sh := *(*sliceHeader)(v.ptr)
	v.ptr = unsafe.Pointer(&sh)
	v.flag = 0
	v.grow(n)
	sh.len += n
	return v
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice, "reflect.Append")
	n := s.Len()
	s = s.extendSlice(len(x))
	for i, v := range x {
		s.Index(n + i).Set(v)
	}
	return s
}

// AppendSlice appends a slice t to a slice s and returns the resulting slice.
func AppendSlice(s, t Value) Value {
	s.mustBe(Slice, "reflect.AppendSlice")
	t.mustBe(Slice, "reflect.AppendSlice")
	typesMustMatch("reflect.AppendSlice", s.Type().Elem(), t.Type().Elem())
	ns := s.Len()
	nt := t.Len()
	s = s.extendSlice(nt)
	Copy(s.Slice(ns, ns+nt), t)
	return s
}

func typesMustMatch(what string, t1, t2 Type) {
	if t1 != t2 {
		panic(what + ": " + t1.String() + " != " + t2.String())
	}
}

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted, and returns the number copied.
func Copy(dst, src Value) int {
	dk := dst.Kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array {
		dst.mustBeAssignable("reflect.Copy")
	}
	dst.mustBeExported("reflect.Copy")
	sk := src.Kind()
	var stringCopy bool
	if sk != Array && sk != Slice {
		stringCopy = sk == String && dst.typ.elem.Kind() == Uint8
		if !stringCopy {
			panic(&ValueError{"reflect.Copy", sk})
		}
	}
	src.mustBeExported("reflect.Copy")
	de := dst.typ.elem
	if !stringCopy {
		typesMustMatch("reflect.Copy", toType(de), toType(src.typ.elem))
	}
	dp, dn := dst.sliceData()
	var sp unsafe.Pointer
	var sn int
	if stringCopy {
		s := *(*string)(src.ptr)
		sp, sn = unsafe.Pointer(unsafe.StringData(s)), len(s)
	} else {
		sp, sn = src.sliceData()
	}
	return typedslicecopy(de, dp, dn, sp, sn)
}

// sliceData returns the data pointer and length of a slice or array.
func (v Value) sliceData() (unsafe.Pointer, int) {
	if v.Kind() == Array {
		return v.ptr, int(v.typ.len)
	}
	s := (*sliceHeader)(v.ptr)
	return s.data, s.len
}

// Clear clears the contents of a map or zeros the contents of a slice.
func (v Value) Clear() {
	switch v.Kind() {
	case Slice:
		s := (*sliceHeader)(v.ptr)
		et := v.typ.elem
		z := unsafe_New(et)
		for i := 0; i < s.len; i++ {
			typedmemmove(et, unsafe.Add(s.data, uintptr(i)*et.size), z)
		}
	case Map:
		if h := *(*unsafe.Pointer)(v.ptr); h != nil {
			mapclear(v.typ, h)
		}
	default:
		panic(&ValueError{"reflect.Value.Clear", v.Kind()})
	}
}

// Slice returns v[i:j].
func (v Value) Slice(i, j int) Value {
	if v.Kind() == String {
		s := *(*string)(v.ptr)
		if i < 0 || j < i || j > len(s) {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		t := new(string)
		*t = s[i:j]
		return Value{v.typ, unsafe.Pointer(t), v.flag.ro()}
	}
	base, cap, typ := v.sliceOperand("Slice")
	if i < 0 || j < i || j > cap {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	return v.sliced(base, typ, i, j, cap)
}

// Slice3 is the 3-index form of the slice operation: it returns v[i:j:k].
func (v Value) Slice3(i, j, k int) Value {
	base, cap, typ := v.sliceOperand("Slice3")
	if i < 0 || j < i || k < j || k > cap {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	return v.sliced(base, typ, i, j, k)
}

// sliceOperand returns the array, capacity and result slice type of
// slicing v (an addressable array or a slice).
func (v Value) sliceOperand(op string) (unsafe.Pointer, int, *rtype) {
	switch v.Kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value." + op + ": slice of unaddressable array")
		}
		return v.ptr, int(v.typ.len), SliceOf(toType(v.typ.elem)).common()
	case Slice:
		s := (*sliceHeader)(v.ptr)
		return s.data, s.cap, v.typ
	}
	panic(&ValueError{"reflect.Value." + op, v.Kind()})
}

// sliced returns base[i:j:k] as a Value of slice type typ.
func (v Value) sliced(base unsafe.Pointer, typ *rtype, i, j, k int) Value {
	s := &sliceHeader{data: base, len: j - i, cap: k - i}
	if k-i > 0 {
		s.data = unsafe.Add(base, uintptr(i)*typ.elem.size)
	}
	return Value{typ, unsafe.Pointer(s), v.flag.ro()}
}

// Swapper returns a function that swaps the elements in the provided slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	switch v.Len() {
	case 0:
		return func(i, j int) { panic("reflect: slice index out of range") }
	case 1:
		return func(i, j int) {
			if i != 0 || j != 0 {
				panic("reflect: slice index out of range")
			}
		}
	}
	s := *(*sliceHeader)(v.ptr)
	et := v.typ.elem
	size := et.size
	// Common element sizes swap whole words (as gc special-cases some
	// element types; out-of-range indexes panic as index expressions do).
	// Elements holding pointers go through pointer-typed words, so the
	// write barrier runs.
	if et.ptrdata != 0 {
		switch size {
		case 8:
			is := unsafe.Slice((*unsafe.Pointer)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 16:
			is := unsafe.Slice((*[2]unsafe.Pointer)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 24:
			is := unsafe.Slice((*[3]unsafe.Pointer)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		}
	} else {
		switch size {
		case 8:
			is := unsafe.Slice((*uint64)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 16:
			is := unsafe.Slice((*[2]uint64)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 24:
			is := unsafe.Slice((*[3]uint64)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 4:
			is := unsafe.Slice((*uint32)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 2:
			is := unsafe.Slice((*uint16)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 1:
			is := unsafe.Slice((*uint8)(s.data), s.len)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		}
	}
	tmp := unsafe_New(et)
	return func(i, j int) {
		if uint(i) >= uint(s.len) || uint(j) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		val1 := unsafe.Add(s.data, uintptr(i)*size)
		val2 := unsafe.Add(s.data, uintptr(j)*size)
		typedmemmove(et, tmp, val1)
		typedmemmove(et, val1, val2)
		typedmemmove(et, val2, tmp)
	}
}

// Channels.

//go:linkname makechan runtime.makechan
func makechan(t *rtype, size int) unsafe.Pointer

//go:linkname chansend1 runtime.chansend1
func chansend1(c unsafe.Pointer, elem unsafe.Pointer)

//go:linkname chanrecv2 runtime.chanrecv2
func chanrecv2(c unsafe.Pointer, elem unsafe.Pointer) uint8

//go:linkname closechan runtime.closechan
func closechan(c unsafe.Pointer)

// scase mirrors runtime/src/chan.rs Scase.
type scase struct {
	c    unsafe.Pointer
	elem unsafe.Pointer
	dir  uint64
}

//go:linkname selectgo runtime.selectgo
func selectgo(cases *scase, ncases int, block int) (int, int)

// MakeChan creates a new channel with the specified type and buffer size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	t := typ.common()
	p := new(unsafe.Pointer)
	*p = makechan(t, buffer)
	return Value{t, unsafe.Pointer(p), 0}
}

// Send sends x on the channel v.
func (v Value) Send(x Value) {
	v.mustBe(Chan, "reflect.Value.Send")
	v.mustBeExported("reflect.Value.Send")
	v.send(x, false)
}

// TrySend attempts to send x on the channel v but will not block.
func (v Value) TrySend(x Value) bool {
	v.mustBe(Chan, "reflect.Value.TrySend")
	v.mustBeExported("reflect.Value.TrySend")
	return v.send(x, true)
}

func (v Value) send(x Value, nb bool) bool {
	if ChanDir(v.typ.len)&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.mustBeExported("reflect.Value.Send")
	x = x.assignTo("reflect.Value.Send", v.typ.elem)
	c := *(*unsafe.Pointer)(v.ptr)
	if !nb {
		chansend1(c, x.ptr)
		return true
	}
	sc := scase{c, x.ptr, 1}
	chosen, _ := selectgo(&sc, 1, 0)
	return chosen == 0
}

// Recv receives and returns a value from the channel v.
func (v Value) Recv() (x Value, ok bool) {
	v.mustBe(Chan, "reflect.Value.Recv")
	v.mustBeExported("reflect.Value.Recv")
	return v.recv(false)
}

// TryRecv attempts to receive a value from the channel v but will not block.
func (v Value) TryRecv() (x Value, ok bool) {
	v.mustBe(Chan, "reflect.Value.TryRecv")
	v.mustBeExported("reflect.Value.TryRecv")
	return v.recv(true)
}

func (v Value) recv(nb bool) (Value, bool) {
	if ChanDir(v.typ.len)&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	et := v.typ.elem
	p := unsafe_New(et)
	c := *(*unsafe.Pointer)(v.ptr)
	if !nb {
		ok := chanrecv2(c, p) != 0
		return Value{et, p, 0}, ok
	}
	sc := scase{c, p, 2}
	chosen, recvOK := selectgo(&sc, 1, 0)
	if chosen != 0 {
		return Value{}, false
	}
	return Value{et, p, 0}, recvOK != 0
}

// Close closes the channel v.
func (v Value) Close() {
	v.mustBe(Chan, "reflect.Value.Close")
	v.mustBeExported("reflect.Value.Close")
	if ChanDir(v.typ.len)&SendDir == 0 {
		panic("reflect: close of receive-only channel")
	}
	closechan(*(*unsafe.Pointer)(v.ptr))
}

// Comparable reports whether the value v is comparable (for interfaces,
// the dynamic value).
func (v Value) Comparable() bool {
	switch v.Kind() {
	case Invalid:
		return false
	case Array:
		switch v.typ.elem.Kind() {
		case Interface, Array, Struct:
			for i := 0; i < int(v.typ.len); i++ {
				if !v.Index(i).Comparable() {
					return false
				}
			}
			return true
		}
		return v.typ.Comparable()
	case Interface:
		return v.IsNil() || v.Elem().Comparable()
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Comparable() {
				return false
			}
		}
		return true
	case Func:
		return false
	}
	return v.typ.Comparable()
}

// Equal reports true if v is equal to u (gc's rules: interfaces compare
// their dynamic values, values of different types are unequal, and
// uncomparable values of the same type panic).
func (v Value) Equal(u Value) bool {
	if v.Kind() == Interface {
		v = v.Elem()
	}
	if u.Kind() == Interface {
		u = u.Elem()
	}
	if !v.IsValid() || !u.IsValid() {
		return v.IsValid() == u.IsValid()
	}
	if v.Kind() != u.Kind() || v.Type() != u.Type() {
		return false
	}
	switch v.Kind() {
	default:
		panic("reflect.Value.Equal: invalid Kind")
	case Bool:
		return v.Bool() == u.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == u.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == u.Uint()
	case Float32, Float64:
		return v.Float() == u.Float()
	case Complex64, Complex128:
		return v.Complex() == u.Complex()
	case String:
		return v.String() == u.String()
	case Chan, Pointer, UnsafePointer:
		return v.Pointer() == u.Pointer()
	case Array:
		vl := v.Len()
		if vl == 0 {
			if !v.typ.elem.Comparable() {
				break
			}
			return true
		}
		for i := 0; i < vl; i++ {
			if !v.Index(i).Equal(u.Index(i)) {
				return false
			}
		}
		return true
	case Struct:
		nf := v.NumField()
		for i := 0; i < nf; i++ {
			if !v.Field(i).Equal(u.Field(i)) {
				return false
			}
		}
		return true
	case Func, Map, Slice:
		break
	}
	panic("reflect.Value.Equal: values of type " + v.Type().String() + " are not comparable")
}

// Seq returns an iter.Seq[Value] that loops over the elements of v (as
// a for range loop would, for the kinds Value.Seq supports).
func (v Value) Seq() iter.Seq[Value] {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return func(yield func(Value) bool) {
			n := v.Int()
			for i := int64(0); i < n; i++ {
				x := New(v.Type()).Elem()
				x.SetInt(i)
				if !yield(Value{x.typ, x.ptr, 0}) {
					return
				}
			}
		}
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return func(yield func(Value) bool) {
			n := v.Uint()
			for i := uint64(0); i < n; i++ {
				x := New(v.Type()).Elem()
				x.SetUint(i)
				if !yield(Value{x.typ, x.ptr, 0}) {
					return
				}
			}
		}
	case Pointer:
		if v.typ.elem.Kind() != Array {
			break
		}
		return func(yield func(Value) bool) {
			v = v.Elem()
			for i := 0; i < v.Len(); i++ {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case Array, Slice:
		return func(yield func(Value) bool) {
			for i := 0; i < v.Len(); i++ {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case String:
		return func(yield func(Value) bool) {
			for i := range v.String() {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case Map:
		return func(yield func(Value) bool) {
			i := v.MapRange()
			for i.Next() {
				if !yield(i.Key()) {
					return
				}
			}
		}
	case Chan:
		return func(yield func(Value) bool) {
			for value, ok := v.Recv(); ok; value, ok = v.Recv() {
				if !yield(value) {
					return
				}
			}
		}
	}
	if v.Kind() == Func && canRangeFunc(v.Type().common(), 1) {
		return func(yield func(Value) bool) {
			rf := MakeFunc(v.Type().In(0), func(in []Value) []Value {
				return []Value{ValueOf(yield(in[0]))}
			})
			v.Call([]Value{rf})
		}
	}
	panic("reflect: " + v.Type().String() + " cannot produce iter.Seq[Value]")
}

// Seq2 returns an iter.Seq2[Value, Value] that loops over the elements of
// v (index or key, and value).
func (v Value) Seq2() iter.Seq2[Value, Value] {
	switch v.Kind() {
	case Pointer:
		if v.typ.elem.Kind() != Array {
			break
		}
		return func(yield func(Value, Value) bool) {
			v = v.Elem()
			for i := 0; i < v.Len(); i++ {
				if !yield(ValueOf(i), v.Index(i)) {
					return
				}
			}
		}
	case Array, Slice:
		return func(yield func(Value, Value) bool) {
			for i := 0; i < v.Len(); i++ {
				if !yield(ValueOf(i), v.Index(i)) {
					return
				}
			}
		}
	case String:
		return func(yield func(Value, Value) bool) {
			for i, r := range v.String() {
				if !yield(ValueOf(i), ValueOf(r)) {
					return
				}
			}
		}
	case Map:
		return func(yield func(Value, Value) bool) {
			i := v.MapRange()
			for i.Next() {
				if !yield(i.Key(), i.Value()) {
					return
				}
			}
		}
	}
	if v.Kind() == Func && canRangeFunc(v.Type().common(), 2) {
		return func(yield func(Value, Value) bool) {
			rf := MakeFunc(v.Type().In(0), func(in []Value) []Value {
				return []Value{ValueOf(yield(in[0], in[1]))}
			})
			v.Call([]Value{rf})
		}
	}
	panic("reflect: " + v.Type().String() + " cannot produce iter.Seq2[Value, Value]")
}

// A SelectDir describes the communication direction of a select case.
type SelectDir int

const (
	_             SelectDir = iota
	SelectSend              // case Chan <- Send
	SelectRecv              // case <-Chan:
	SelectDefault           // default
)

// A SelectCase describes a single case in a select operation.
type SelectCase struct {
	Dir  SelectDir // direction of case
	Chan Value     // channel to use (for send or receive)
	Send Value     // value to send (for send)
}

// Select executes a select operation described by the list of cases (the
// runtime's selectgo; a zero Chan is a nil channel, never ready).
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	if len(cases) > 65536 {
		panic("reflect.Select: too many cases (max 65536)")
	}
	haveDefault := false
	defaultIndex := -1
	run := make([]scase, 0, len(cases))
	index := make([]int, 0, len(cases)) // run case -> cases index
	elems := make([]*rtype, 0, len(cases))
	for i, c := range cases {
		var sc scase
		var et *rtype
		switch c.Dir {
		default:
			panic("reflect.Select: invalid Dir")
		case SelectDefault:
			if haveDefault {
				panic("reflect.Select: multiple default cases")
			}
			haveDefault = true
			defaultIndex = i
			if c.Chan.IsValid() {
				panic("reflect.Select: default case has Chan value")
			}
			if c.Send.IsValid() {
				panic("reflect.Select: default case has Send value")
			}
			continue
		case SelectSend:
			sc.dir = 1
			ch := c.Chan
			if ch.IsValid() {
				ch.mustBe(Chan, "reflect.Select")
				ch.mustBeExported("reflect.Select")
				if ChanDir(ch.typ.len)&SendDir == 0 {
					panic("reflect.Select: SendDir case using recv-only channel")
				}
				sc.c = *(*unsafe.Pointer)(ch.ptr)
				v := c.Send
				if !v.IsValid() {
					panic("reflect.Select: SendDir case missing Send value")
				}
				v.mustBeExported("reflect.Select")
				v = v.assignTo("reflect.Select", ch.typ.elem)
				sc.elem = v.ptr
			}
		case SelectRecv:
			sc.dir = 2
			if c.Send.IsValid() {
				panic("reflect.Select: RecvDir case has Send value")
			}
			ch := c.Chan
			if ch.IsValid() {
				ch.mustBe(Chan, "reflect.Select")
				ch.mustBeExported("reflect.Select")
				if ChanDir(ch.typ.len)&RecvDir == 0 {
					panic("reflect.Select: RecvDir case using send-only channel")
				}
				sc.c = *(*unsafe.Pointer)(ch.ptr)
				et = ch.typ.elem
				sc.elem = unsafe_New(et)
			}
		}
		run = append(run, sc)
		index = append(index, i)
		elems = append(elems, et)
	}
	block := 1
	if haveDefault {
		block = 0
	}
	var first *scase
	if len(run) > 0 {
		first = &run[0]
	}
	k, ok := selectgo(first, len(run), block)
	if k < 0 {
		return defaultIndex, Value{}, false
	}
	if run[k].dir == 2 {
		recv = Value{elems[k], run[k].elem, 0}
	}
	return index[k], recv, ok != 0
}
