// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package abi is gc's internal/abi API over rgoc's type descriptors
// (runtime/src/types.rs `Type`, emitted by compiler/src/codegen/typedesc.rs),
// so that gc's Go code that looks at types without reflect (internal/sync,
// unique, hash/maphash, weak, errors) runs unchanged. Adapted from gc's
// internal/abi/type.go (LICENSE-go): the names, methods and meanings are
// gc's; the layout is rgoc's.
//
// Type is the prefix every descriptor shares, with gc's field names where
// gc has the field (Size_, PtrBytes, Hash, TFlag, Align_, FieldAlign_,
// Kind_, Equal, GCData). The kind-specific types (ArrayType, ChanType,
// MapType, PtrType, SliceType, StructType, FuncType, InterfaceType) are
// views of the whole descriptor, as in gc: t.StructType() and a direct
// conversion (*StructType)(unsafe.Pointer(t)) are the same pointer. What
// rgoc's descriptors do not have is absent, so gc code using it does not
// compile (rather than reading something else): name offsets (NameOff,
// TypeOff, Uncommon, ExportedMethods), ArrayType.Slice, StructType.PkgPath,
// FuncType.InCount/OutCount (use the methods), gc's map group layout
// (MapType.Group, SlotSize, ...), TFlagUncommon/ExtraStar/GCMaskOnDemand,
// Type.NumMethod and Name.IsExported (gc reads an export bit the compiler
// computed with unicode.IsUpper), FuncType.InSlice/OutSlice (not needed so
// far; code that allocates []*Type here would keep every descriptor of
// this package in every program, rgoc linking a package's code as one
// section).
// (reflect keeps its own copy of the layout, since it defines methods on
// it; internal/reflectlite is an alias file of reflect.)
package abi

import "unsafe"

// Type is the part of a type descriptor every kind shares (runtime/src/
// types.rs `Type`, up to pkgpath).
type Type struct {
	Size_       uintptr
	PtrBytes    uintptr // number of (prefix) bytes in the type that can contain pointers
	Hash        uint32  // hash of the type's string
	TFlag       TFlag   // extra type information flags
	Align_      uint8   // alignment of variable with this type
	FieldAlign_ uint8   // alignment of struct field with this type
	Kind_       Kind    // what kind of type this is (string, int, ...)
	// function for comparing objects of this type
	// (ptr to object A, ptr to object B) -> ==?
	// nil when the type is not comparable (and in the runtime's own
	// descriptors); the code is runtime.eqfunc (runtime/src/alg.rs).
	Equal func(unsafe.Pointer, unsafe.Pointer) bool
	// GCData: the pointer bitmap, one bit per word of PtrBytes, LSB first
	// (gc's format without TFlagGCMaskOnDemand).
	GCData   *byte
	Str      string // rgoc: the type's string, as %T prints it (gc: a NameOff)
	PkgPath_ string // rgoc: the package path of a named type
}

// rtype is the whole descriptor (runtime/src/types.rs `Type`).
type rtype struct {
	Type
	elem     *Type
	key      *Type
	len      uintptr // array length; channel direction
	fields   unsafe.Pointer
	nfields  uintptr // struct fields, func params and results, interface methods
	nin      uintptr // funcs: inputs, bit 63 variadic; structs, interfaces: nfields
	methods  unsafe.Pointer
	nmethods uintptr
	call     unsafe.Pointer
	bound    unsafe.Pointer
	ptrto    *Type
	makefunc unsafe.Pointer
}

func (t *Type) r() *rtype { return (*rtype)(unsafe.Pointer(t)) }

// A Kind represents the specific kind of type that a Type represents.
// The zero Kind is not a valid kind.
type Kind uint8

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

// TFlag is used by a Type to signal what extra type information is
// available (rgoc's bits, runtime/src/types.rs `tflag`).
type TFlag uint8

const (
	// TFlagNamed means the type has a name.
	TFlagNamed TFlag = 1
	// TFlagComparable (rgoc) means values of the type may be compared.
	TFlagComparable TFlag = 2
	// TFlagRegularMemory means that equal and hash functions can treat
	// this type as a single region of t.size bytes.
	TFlagRegularMemory TFlag = 4
	// TFlagDirectIface means that a value of this type is stored directly
	// in the data field of an interface, instead of indirectly.
	TFlagDirectIface TFlag = 8
)

// String returns the name of k.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return kindNames[0]
}

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

// TypeOf returns the abi.Type of some value.
func TypeOf(a any) *Type {
	eface := *(*EmptyInterface)(unsafe.Pointer(&a))
	// Types are either static (for compiler-created types) or
	// heap-allocated but always reachable (for reflection-created
	// types, held in the central map). So there is no need to
	// escape types. noescape here help avoid unnecessary escape
	// of v.
	return (*Type)(NoEscape(unsafe.Pointer(eface.Type)))
}

// TypeFor returns the abi.Type for a type parameter.
func TypeFor[T any]() *Type {
	return (*PtrType)(unsafe.Pointer(TypeOf((*T)(nil)))).Elem
}

func (t *Type) Kind() Kind { return t.Kind_ }

func (t *Type) HasName() bool {
	return t.TFlag&TFlagNamed != 0
}

// Pointers reports whether t contains pointers.
func (t *Type) Pointers() bool { return t.PtrBytes != 0 }

// IsDirectIface reports whether t is stored directly in an interface value.
func (t *Type) IsDirectIface() bool {
	return t.TFlag&TFlagDirectIface != 0
}

func (t *Type) GcSlice(begin, end uintptr) []byte {
	return unsafe.Slice(t.GCData, int(end))[begin:]
}

// String (rgoc) returns the type's string, as %T prints it.
func (t *Type) String() string { return t.Str }

// PkgPath (rgoc) returns a named type's package path ("" otherwise).
func (t *Type) PkgPath() string { return t.PkgPath_ }

// PtrTo (rgoc) returns *T's descriptor when the program has that type.
func (t *Type) PtrTo() *Type { return t.r().ptrto }

// ArrayType represents a fixed array type. (gc's Slice field, the
// descriptor of []Elem, is not in rgoc's descriptors.)
type ArrayType struct {
	Type
	Elem *Type // array element type
	_    *Type
	Len  uintptr
}

// Len returns the length of t if t is an array type, otherwise 0
func (t *Type) Len() int {
	if t.Kind() == Array {
		return int((*ArrayType)(unsafe.Pointer(t)).Len)
	}
	return 0
}

func (t *Type) Common() *Type {
	return t
}

type ChanDir int

const (
	RecvDir    ChanDir = 1 << iota         // <-chan
	SendDir                                // chan<-
	BothDir            = RecvDir | SendDir // chan
	InvalidDir ChanDir = 0
)

// ChanType represents a channel type
type ChanType struct {
	Type
	Elem *Type
	_    *Type
	Dir  ChanDir
}

// ChanDir returns the direction of t if t is a channel type, otherwise InvalidDir (0).
func (t *Type) ChanDir() ChanDir {
	if t.Kind() == Chan {
		ch := (*ChanType)(unsafe.Pointer(t))
		return ch.Dir
	}
	return InvalidDir
}

// Elem returns the element type for t if t is an array, channel, map, pointer, or slice, otherwise nil.
func (t *Type) Elem() *Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return t.r().elem
	}
	return nil
}

// StructType returns t cast to a *StructType, or nil if its tag does not match.
func (t *Type) StructType() *StructType {
	if t.Kind() != Struct {
		return nil
	}
	return (*StructType)(unsafe.Pointer(t))
}

// MapType returns t cast to a *MapType, or nil if its tag does not match.
func (t *Type) MapType() *MapType {
	if t.Kind() != Map {
		return nil
	}
	return (*MapType)(unsafe.Pointer(t))
}

// ArrayType returns t cast to a *ArrayType, or nil if its tag does not match.
func (t *Type) ArrayType() *ArrayType {
	if t.Kind() != Array {
		return nil
	}
	return (*ArrayType)(unsafe.Pointer(t))
}

// FuncType returns t cast to a *FuncType, or nil if its tag does not match.
func (t *Type) FuncType() *FuncType {
	if t.Kind() != Func {
		return nil
	}
	return (*FuncType)(unsafe.Pointer(t))
}

// InterfaceType returns t cast to a *InterfaceType, or nil if its tag does not match.
func (t *Type) InterfaceType() *InterfaceType {
	if t.Kind() != Interface {
		return nil
	}
	return (*InterfaceType)(unsafe.Pointer(t))
}

// PointerType returns t cast to a *PtrType, or nil if its tag does not match.
func (t *Type) PointerType() *PtrType {
	if t.Kind() != Pointer {
		return nil
	}
	return (*PtrType)(unsafe.Pointer(t))
}

// SliceType returns t cast to a *SliceType, or nil if its tag does not match.
func (t *Type) SliceType() *SliceType {
	if t.Kind() != Slice {
		return nil
	}
	return (*SliceType)(unsafe.Pointer(t))
}

// ChanType returns t cast to a *ChanType, or nil if its tag does not match.
func (t *Type) ChanType() *ChanType {
	if t.Kind() != Chan {
		return nil
	}
	return (*ChanType)(unsafe.Pointer(t))
}

// Size returns the size of data with type t.
func (t *Type) Size() uintptr { return t.Size_ }

// Align returns the alignment of data with type t.
func (t *Type) Align() int { return int(t.Align_) }

func (t *Type) FieldAlign() int { return int(t.FieldAlign_) }

func (t *Type) Key() *Type {
	if t.Kind() == Map {
		return (*MapType)(unsafe.Pointer(t)).Key
	}
	return nil
}

// MapType is a map type's descriptor: the common descriptor followed by
// Hasher (runtime/src/types.rs `MapType`).
type MapType struct {
	Type
	Elem *Type
	Key  *Type
	_    [10]uintptr // len ... makefunc
	// function for hashing keys (ptr to key, seed) -> hash: the runtime
	// map's hash (runtime.hashfunc, runtime/src/alg.rs).
	Hasher func(unsafe.Pointer, uintptr) uintptr
}

// InterfaceType is an interface type's descriptor; Methods are sorted by
// name (gc: by hash).
type InterfaceType struct {
	Type
	_       [3]uintptr // elem, key, len
	Methods []Imethod  // fields, nfields, nin (= nfields)
}

// Imethod represents a method on an interface type
// (runtime/src/types.rs `FieldDesc`; gc: name and type offsets).
type Imethod struct {
	Name Name  // name of method
	Typ  *Type // .(*FuncType) underneath
	_    uintptr
	_    string
	_    uintptr
}

// NumMethod returns the number of interface methods in the type's method set.
func (t *InterfaceType) NumMethod() int { return len(t.Methods) }

// SliceType is a slice type's descriptor.
type SliceType struct {
	Type
	Elem *Type // slice element type
}

// FuncType represents a function type: its parameters then results
// (gc's InCount and OutCount are the methods NumIn and NumOut).
type FuncType struct {
	Type
	_      [3]uintptr // elem, key, len
	params unsafe.Pointer
	n      uintptr
	nin    uintptr // inputs; bit 63: variadic
}

func (t *FuncType) params_() []StructField {
	return unsafe.Slice((*StructField)(t.params), int(t.n))
}

func (t *FuncType) In(i int) *Type {
	return t.params_()[:t.NumIn()][i].Typ
}

func (t *FuncType) NumIn() int {
	return int(t.nin &^ (1 << 63))
}

func (t *FuncType) NumOut() int {
	return int(t.n) - t.NumIn()
}

func (t *FuncType) Out(i int) *Type {
	return t.params_()[t.NumIn():][i].Typ
}

func (t *FuncType) IsVariadic() bool {
	return t.nin&(1<<63) != 0
}

// PtrType is a pointer type's descriptor.
type PtrType struct {
	Type
	Elem *Type // pointer element (pointed at) type
}

// StructField is a struct field (runtime/src/types.rs `FieldDesc`).
type StructField struct {
	Name     Name    // name is always non-empty
	Typ      *Type   // type of field
	Offset   uintptr // byte offset of field
	Tag      string  // rgoc: gc keeps the tag in Name
	embedded uintptr
}

func (f *StructField) Embedded() bool {
	return f.embedded != 0
}

// StructType is a struct type's descriptor.
type StructType struct {
	Type
	_      [3]uintptr    // elem, key, len
	Fields []StructField // fields, nfields, nin (= nfields)
}

// Name is a field's or method's name (gc: a pointer to encoded bytes
// that also hold the tag and flags; rgoc: the string).
type Name struct {
	s string
}

// Name returns the tag string for n, or empty if there is none.
func (n Name) Name() string { return n.s }

// IsBlank indicates whether n is "_".
func (n Name) IsBlank() bool { return n.s == "_" }

// TypedMemmove (rgoc) copies a value of type t from src to dst, running
// the write barrier first when t holds pointers.
//
//go:linkname TypedMemmove runtime.typedmemmove
func TypedMemmove(t *Type, dst, src unsafe.Pointer)
