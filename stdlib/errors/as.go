package errors

import "unsafe"

// As and its helpers work on rgoc's type descriptors directly
// (runtime/src/types.rs), as gc's errors uses internal/reflectlite.

// rtype mirrors the head of runtime/src/types.rs `Type` (and
// stdlib/reflect's rtype) up to the fields used here.
type rtype struct {
	size       uintptr
	ptrdata    uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      unsafe.Pointer
	gcdata     unsafe.Pointer
	name       string
	pkgpath    string
	elem       *rtype
}

const (
	kindInterface    = 20
	kindPointer      = 22
	tflagNamed       = 1
	tflagDirectIface = 8
)

type eface struct {
	typ  *rtype
	word unsafe.Pointer
}

type iface struct {
	itab *[2]*rtype // inter, typ, ...
	word unsafe.Pointer
}

//go:linkname assertE2I2 runtime.assertE2I2
func assertE2I2(inter *rtype, typ *rtype) unsafe.Pointer

// errorType is the descriptor of the interface type error.
var errorType = func() *rtype {
	var p any = (*error)(nil)
	return (*eface)(unsafe.Pointer(&p)).typ.elem
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
	t := (*eface)(unsafe.Pointer(&target))
	if t.typ.kind != kindPointer || t.word == nil {
		panic("errors: target must be a non-nil pointer")
	}
	targetType := t.typ.elem
	if targetType.kind != kindInterface && assertE2I2(errorType, targetType) == nil {
		panic("errors: *target must be interface or implement error")
	}
	return as(err, target, t.word, targetType)
}

func as(err error, target any, targetPtr unsafe.Pointer, targetType *rtype) bool {
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

func sameType(a, b *rtype) bool {
	if a == b {
		return true
	}
	return a.tflag&tflagNamed != 0 && b.tflag&tflagNamed != 0 && a.kind == b.kind &&
		a.name == b.name && a.pkgpath == b.pkgpath
}

// assignTo stores err in *targetPtr (of type targetType) when err's
// dynamic type is assignable to targetType, and reports whether it did.
func assignTo(err error, targetPtr unsafe.Pointer, targetType *rtype) bool {
	e := (*iface)(unsafe.Pointer(&err))
	typ := e.itab[1]
	if targetType.kind == kindInterface {
		if isEmptyInterface(targetType) {
			*(*eface)(targetPtr) = eface{typ, e.word}
			return true
		}
		itab := assertE2I2(targetType, typ)
		if itab == nil {
			return false
		}
		*(*iface)(targetPtr) = iface{(*[2]*rtype)(itab), e.word}
		return true
	}
	if !sameType(typ, targetType) {
		return false
	}
	if typ.tflag&tflagDirectIface != 0 {
		*(*unsafe.Pointer)(targetPtr) = e.word
	} else {
		typedmemmove(typ, targetPtr, e.word)
	}
	return true
}

// isEmptyInterface: an interface type descriptor lists its methods in
// `fields`/`nfields` (types.rs); rtype above stops before them, so read
// nfields at its offset in the full layout.
func isEmptyInterface(t *rtype) bool {
	type full struct {
		rtype
		key     *rtype
		len     uintptr
		fields  unsafe.Pointer
		nfields uintptr
	}
	return (*full)(unsafe.Pointer(t)).nfields == 0
}

// typedmemmove copies a value of type t from src to dst, running the
// write barrier first when t holds pointers.
//
//go:linkname typedmemmove runtime.typedmemmove
func typedmemmove(t *rtype, dst, src unsafe.Pointer)
