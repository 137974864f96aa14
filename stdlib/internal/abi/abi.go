// Package abi mirrors rgoc's type descriptors and interface layout
// (runtime/src/types.rs `Type`, runtime/src/iface.rs) for the standard
// packages that look at values without importing reflect (errors, sort),
// as gc's internal/abi does. (reflect keeps its own copy of the layout,
// since it defines methods on it.)
package abi

import "unsafe"

// Type mirrors runtime/src/types.rs `Type` field for field.
type Type struct {
	Size       uintptr
	PtrData    uintptr
	Hash       uint32
	TFlag      uint8
	Align      uint8
	FieldAlign uint8
	Kind       uint8
	Equal      unsafe.Pointer
	GCData     unsafe.Pointer
	Name       string
	PkgPath    string
	Elem       *Type
	Key        *Type
	Len        uintptr // array length; channel direction
	Fields     unsafe.Pointer
	NFields    uintptr // struct fields, func params and results, interface methods
	NIn        uintptr
	Methods    unsafe.Pointer
	NMethods   uintptr
	Call       unsafe.Pointer // func types: the call adapter (reflect.Value.Call)
	Bound      unsafe.Pointer // func types: method-value code (reflect.Value.Method)
	PtrTo      *Type          // *T when the program has it (reflect.PointerTo)
	MakeFunc   unsafe.Pointer // func types: reflect.MakeFunc code
}

// Kinds and type flags (runtime/src/types.rs).
const (
	KindArray     = 17
	KindChan      = 18
	KindInterface = 20
	KindMap       = 21
	KindPointer   = 22
	KindSlice     = 23
	KindString    = 24

	TFlagNamed       = 1
	TFlagDirectIface = 8
)

// EmptyInterface is the layout of an `any` value.
type EmptyInterface struct {
	Type *Type
	Data unsafe.Pointer
}

// NonEmptyInterface is the layout of an interface value with methods; the
// itab starts with the interface type and the dynamic type.
type NonEmptyInterface struct {
	ITab *[2]*Type
	Data unsafe.Pointer
}

// TypedMemmove copies a value of type t from src to dst, running the
// write barrier first when t holds pointers.
//
//go:linkname TypedMemmove runtime.typedmemmove
func TypedMemmove(t *Type, dst, src unsafe.Pointer)

// NoEscape hides a pointer from escape analysis (gc's; rgoc's collector
// scans stacks conservatively, so the pointer stays visible to it).
//
//go:nosplit
func NoEscape(p unsafe.Pointer) unsafe.Pointer {
	x := uintptr(p)
	return unsafe.Pointer(x ^ 0)
}

var alwaysFalse bool
var escapeSink any

// Escape forces any pointers in x to escape to the heap.
func Escape[T any](x T) T {
	if alwaysFalse {
		escapeSink = x
	}
	return x
}
