package errors

import (
	"internal/abi"
	"unsafe"
)

// As and its helpers work on rgoc's type descriptors directly
// (runtime/src/types.rs), as gc's errors uses internal/reflectlite.

//go:linkname assertE2I2 runtime.assertE2I2
func assertE2I2(inter *abi.Type, typ *abi.Type) unsafe.Pointer

// errorType is the descriptor of the interface type error. (An
// unsafe.Pointer: a package variable of type *abi.Type would make every
// program keep *abi.Type's descriptor, with its method table and all it
// reaches, as a GC root's type.)
var errorType = func() unsafe.Pointer {
	var p any = (*error)(nil)
	return unsafe.Pointer((*abi.EmptyInterface)(unsafe.Pointer(&p)).Type.Elem())
}()

// As finds the first error in err's tree that matches target, and if one
// is found, sets target to that error value and returns true. Otherwise,
// it returns false.
//
// An error matches target if the error's concrete value is assignable to
// the value pointed to by target, or if the error has a method As(any)
// bool such that As(target) returns true.
//
// As panics if target is not a non-nil pointer to either a type that
// implements error, or to any interface type.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	t := (*abi.EmptyInterface)(unsafe.Pointer(&target))
	if t.Type.Kind() != abi.Pointer || t.Data == nil {
		panic("errors: target must be a non-nil pointer")
	}
	targetType := t.Type.Elem()
	if targetType.Kind() != abi.Interface && assertE2I2((*abi.Type)(errorType), targetType) == nil {
		panic("errors: *target must be interface or implement error")
	}
	return as(err, target, t.Data, targetType)
}

func as(err error, target any, targetPtr unsafe.Pointer, targetType *abi.Type) bool {
	for {
		if assignTo(err, targetPtr, targetType) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if as(err, target, targetPtr, targetType) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

func sameType(a, b *abi.Type) bool {
	if a == b {
		return true
	}
	return a.HasName() && b.HasName() && a.Kind() == b.Kind() &&
		a.Str == b.Str && a.PkgPath_ == b.PkgPath_
}

// assignTo stores err in *targetPtr (of type targetType) when err's
// dynamic type is assignable to targetType, and reports whether it did.
func assignTo(err error, targetPtr unsafe.Pointer, targetType *abi.Type) bool {
	e := (*abi.NonEmptyInterface)(unsafe.Pointer(&err))
	typ := e.ITab.Type
	if targetType.Kind() == abi.Interface {
		if isEmptyInterface(targetType) {
			*(*abi.EmptyInterface)(targetPtr) = abi.EmptyInterface{Type: typ, Data: e.Data}
			return true
		}
		itab := assertE2I2(targetType, typ)
		if itab == nil {
			return false
		}
		*(*abi.NonEmptyInterface)(targetPtr) = abi.NonEmptyInterface{ITab: (*abi.ITab)(itab), Data: e.Data}
		return true
	}
	if !sameType(typ, targetType) {
		return false
	}
	if typ.IsDirectIface() {
		*(*unsafe.Pointer)(targetPtr) = e.Data
	} else {
		abi.TypedMemmove(typ, targetPtr, e.Data)
	}
	return true
}

func isEmptyInterface(t *abi.Type) bool {
	return t.InterfaceType().NumMethod() == 0
}
