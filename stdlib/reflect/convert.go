package reflect

// Conversions (Value.Convert), after gc's reflect/value.go convertOp and
// cvt* functions (BSD-licensed, see LICENSE-go).

import "unsafe"

// Convert returns the value v converted to type t.
func (v Value) Convert(t Type) Value {
	if v.flag&(flagMethod|flagMethodFunc) != 0 {
		v = makeMethodValue(v)
	}
	op := convertOp(t.common(), v.typ)
	if op == nil {
		panic("reflect.Value.Convert: value of type " + v.typ.String() + " cannot be converted to type " + t.String())
	}
	return op(v, t)
}

// CanConvert reports whether the value v can be converted to type t.
func (v Value) CanConvert(t Type) bool {
	vt := v.Type()
	if !vt.ConvertibleTo(t) {
		return false
	}
	switch {
	case vt.Kind() == Slice && t.Kind() == Array:
		if t.Len() > v.Len() {
			return false
		}
	case vt.Kind() == Slice && t.Kind() == Pointer && t.Elem().Kind() == Array:
		if t.Elem().Len() > v.Len() {
			return false
		}
	}
	return true
}

func convertOp(dst, src *rtype) func(Value, Type) Value {
	switch src.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		switch dst.Kind() {
		case Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
			return cvtInt
		case Float32, Float64:
			return cvtIntFloat
		case String:
			return cvtIntString
		}
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		switch dst.Kind() {
		case Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
			return cvtUint
		case Float32, Float64:
			return cvtUintFloat
		case String:
			return cvtUintString
		}
	case Float32, Float64:
		switch dst.Kind() {
		case Int, Int8, Int16, Int32, Int64:
			return cvtFloatInt
		case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
			return cvtFloatUint
		case Float32, Float64:
			return cvtFloat
		}
	case Complex64, Complex128:
		switch dst.Kind() {
		case Complex64, Complex128:
			return cvtComplex
		}
	case String:
		if dst.Kind() == Slice {
			switch dst.elem.Kind() {
			case Uint8:
				return cvtStringBytes
			case Int32:
				return cvtStringRunes
			}
		}
	case Slice:
		if dst.Kind() == String {
			switch src.elem.Kind() {
			case Uint8:
				return cvtBytesString
			case Int32:
				return cvtRunesString
			}
		}
		if dst.Kind() == Pointer && dst.elem.Kind() == Array && src.elem == dst.elem.elem {
			return cvtSliceArrayPtr
		}
		if dst.Kind() == Array && src.elem == dst.elem {
			return cvtSliceArray
		}
	case Chan:
		if dst.Kind() == Chan && specialChannelAssignability(dst, src) {
			return cvtDirect
		}
	}
	if haveIdenticalUnderlyingType(dst, src, false) {
		return cvtDirect
	}
	if dst.Kind() == Pointer && dst.Name() == "" && src.Kind() == Pointer && src.Name() == "" &&
		haveIdenticalUnderlyingType(dst.elem, src.elem, false) {
		return cvtDirect
	}
	if implements(dst, src) {
		return cvtT2I
	}
	return nil
}

func makeInt(f flag, bits uint64, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	storeBits(ptr, typ.size, bits)
	return Value{typ, ptr, f}
}

func makeFloat(f flag, v float64, t Type) Value {
	if t.Size() == 4 {
		return makeValue(f, float32(v), t)
	}
	return makeValue(f, v, t)
}

func makeComplex(f flag, v complex128, t Type) Value {
	if t.Size() == 8 {
		return makeValue(f, complex64(v), t)
	}
	return makeValue(f, v, t)
}

// makeValue returns a new Value of type t (whose representation is T's)
// holding x.
func makeValue[T any](f flag, x T, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	*(*T)(ptr) = x
	return Value{typ, ptr, f}
}

func cvtInt(v Value, t Type) Value  { return makeInt(v.flag.ro(), uint64(v.Int()), t) }
func cvtUint(v Value, t Type) Value { return makeInt(v.flag.ro(), v.Uint(), t) }
func cvtFloatInt(v Value, t Type) Value {
	return makeInt(v.flag.ro(), uint64(int64(v.Float())), t)
}
func cvtFloatUint(v Value, t Type) Value { return makeInt(v.flag.ro(), uint64(v.Float()), t) }
func cvtIntFloat(v Value, t Type) Value  { return makeFloat(v.flag.ro(), float64(v.Int()), t) }
func cvtUintFloat(v Value, t Type) Value { return makeFloat(v.flag.ro(), float64(v.Uint()), t) }

func cvtFloat(v Value, t Type) Value {
	if v.Kind() == Float32 && t.Kind() == Float32 {
		// Keep a float32's bits (a signalling NaN stays one).
		return makeValue(v.flag.ro(), *(*float32)(v.ptr), t)
	}
	return makeFloat(v.flag.ro(), v.Float(), t)
}

func cvtComplex(v Value, t Type) Value { return makeComplex(v.flag.ro(), v.Complex(), t) }

func cvtIntString(v Value, t Type) Value {
	s := "\uFFFD"
	if x := v.Int(); int64(rune(x)) == x {
		s = string(rune(x))
	}
	return makeValue(v.flag.ro(), s, t)
}

func cvtUintString(v Value, t Type) Value {
	s := "\uFFFD"
	if x := v.Uint(); uint64(rune(x)) == x {
		s = string(rune(x))
	}
	return makeValue(v.flag.ro(), s, t)
}

func cvtBytesString(v Value, t Type) Value {
	return makeValue(v.flag.ro(), string(*(*[]byte)(v.ptr)), t)
}

func cvtStringBytes(v Value, t Type) Value {
	return makeValue(v.flag.ro(), []byte(*(*string)(v.ptr)), t)
}

func cvtRunesString(v Value, t Type) Value {
	return makeValue(v.flag.ro(), string(*(*[]rune)(v.ptr)), t)
}

func cvtStringRunes(v Value, t Type) Value {
	return makeValue(v.flag.ro(), []rune(*(*string)(v.ptr)), t)
}

func cvtSliceArrayPtr(v Value, t Type) Value {
	n := t.Elem().Len()
	if n > v.Len() {
		panic("reflect: cannot convert slice with length " + itoa(v.Len()) + " to pointer to array with length " + itoa(n))
	}
	p := new(unsafe.Pointer)
	*p = (*sliceHeader)(v.ptr).data
	return Value{t.common(), unsafe.Pointer(p), v.flag.ro()}
}

func cvtSliceArray(v Value, t Type) Value {
	n := t.Len()
	if n > v.Len() {
		panic("reflect: cannot convert slice with length " + itoa(v.Len()) + " to array with length " + itoa(n))
	}
	typ := t.common()
	c := unsafe_New(typ)
	typedmemmove(typ, c, (*sliceHeader)(v.ptr).data)
	return Value{typ, c, v.flag.ro()}
}

func cvtDirect(v Value, typ Type) Value {
	t := typ.common()
	ptr := v.ptr
	f := v.flag
	if f&flagAddr != 0 {
		c := unsafe_New(t)
		typedmemmove(t, c, ptr)
		ptr = c
		f &^= flagAddr
	}
	return Value{t, ptr, v.flag.ro() | f}
}

func cvtT2I(v Value, typ Type) Value {
	x := v.assignTo("reflect.Value.Convert", typ.common())
	x.flag = v.flag.ro()
	return x
}
