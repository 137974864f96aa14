package reflect

// Iterators of Go 1.23-1.27's reflect (gc's definitions).

import "iter"

// Fields returns an iterator over each struct field of t.
func (t *rtype) Fields() iter.Seq[StructField] {
	if t.Kind() != Struct {
		panic("reflect: Fields of non-struct type " + t.String())
	}
	return func(yield func(StructField) bool) {
		for i := range t.NumField() {
			if !yield(t.Field(i)) {
				return
			}
		}
	}
}

// Methods returns an iterator over each method in t's method set.
func (t *rtype) Methods() iter.Seq[Method] {
	return func(yield func(Method) bool) {
		for i := range t.NumMethod() {
			if !yield(t.Method(i)) {
				return
			}
		}
	}
}

// Ins returns an iterator over each input parameter of function type t.
func (t *rtype) Ins() iter.Seq[Type] {
	if t.Kind() != Func {
		panic("reflect: Ins of non-func type " + t.String())
	}
	return func(yield func(Type) bool) {
		for i := range t.NumIn() {
			if !yield(t.In(i)) {
				return
			}
		}
	}
}

// Outs returns an iterator over each output parameter of function type t.
func (t *rtype) Outs() iter.Seq[Type] {
	if t.Kind() != Func {
		panic("reflect: Outs of non-func type " + t.String())
	}
	return func(yield func(Type) bool) {
		for i := range t.NumOut() {
			if !yield(t.Out(i)) {
				return
			}
		}
	}
}

// Fields returns an iterator over each StructField of v along with its
// Value.
func (v Value) Fields() iter.Seq2[StructField, Value] {
	t := v.Type()
	if t.Kind() != Struct {
		panic("reflect: Fields of non-struct type " + t.String())
	}
	return func(yield func(StructField, Value) bool) {
		for i := range v.NumField() {
			if !yield(t.Field(i), v.Field(i)) {
				return
			}
		}
	}
}

// Methods returns an iterator over each Method of v along with the
// corresponding method Value (v bound as the receiver).
func (v Value) Methods() iter.Seq2[Method, Value] {
	rtype := v.Type()
	n := v.NumMethod()
	return func(yield func(Method, Value) bool) {
		for i := range n {
			if !yield(rtype.Method(i), v.Method(i)) {
				return
			}
		}
	}
}

// StructOf is not supported: a struct type made at run time needs a
// layout and equality/hash code rgoc makes only at compile time.
func StructOf(fields []StructField) Type {
	panic("reflect.StructOf: not supported by rgoc (no run-time type construction for structs)")
}
