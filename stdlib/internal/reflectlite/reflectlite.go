// Package reflectlite is gc's lightweight reflect for packages below
// reflect in the import graph (errors, sort, context). In rgoc it is a set
// of aliases of package reflect, which imports only unsafe and iter (its type
// descriptors and values are rgoc's own, see stdlib/reflect), so the real
// errors and sort sources can use it without an import cycle.
package reflectlite

import "reflect"

type (
	Kind       = reflect.Kind
	Type       = reflect.Type
	Value      = reflect.Value
	ValueError = reflect.ValueError
)

const (
	Invalid       = reflect.Invalid
	Bool          = reflect.Bool
	Int           = reflect.Int
	Int8          = reflect.Int8
	Int16         = reflect.Int16
	Int32         = reflect.Int32
	Int64         = reflect.Int64
	Uint          = reflect.Uint
	Uint8         = reflect.Uint8
	Uint16        = reflect.Uint16
	Uint32        = reflect.Uint32
	Uint64        = reflect.Uint64
	Uintptr       = reflect.Uintptr
	Float32       = reflect.Float32
	Float64       = reflect.Float64
	Complex64     = reflect.Complex64
	Complex128    = reflect.Complex128
	Array         = reflect.Array
	Chan          = reflect.Chan
	Func          = reflect.Func
	Interface     = reflect.Interface
	Map           = reflect.Map
	Pointer       = reflect.Pointer
	Ptr           = reflect.Pointer
	Slice         = reflect.Slice
	String        = reflect.String
	Struct        = reflect.Struct
	UnsafePointer = reflect.UnsafePointer
)

// TypeOf returns the reflection Type of the value in the interface{}.
func TypeOf(i any) Type { return reflect.TypeOf(i) }

// ValueOf returns a new Value initialized to the concrete value stored in i.
func ValueOf(i any) Value { return reflect.ValueOf(i) }

// Swapper returns a function that swaps the elements in the provided slice.
func Swapper(slice any) func(i, j int) { return reflect.Swapper(slice) }
