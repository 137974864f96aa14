package reflect

// Calls through reflection: Value.Call/CallSlice of func values, method
// values (Value.Method) and Method.Func values.
//
// A call goes through the call adapter the compiler emits in every func
// type's descriptor (rtype.call; codegen/typedesc.rs call_adapter):
// adapter(obj, ctx, args, results) loads the arguments from the pointers
// in args, calls obj.code(ctx, args...) with the signature's machine
// calling convention and stores the results through the pointers in
// results. ctx is the closure object for a func value, or the receiver as
// an interface data word for a method, whose interface entry point (ifn
// in the method table, or the itab slot) is the code.

import "unsafe"

// adapterObj is a closure object whose code is a call adapter: calling it
// as a func(ctx, args, results unsafe.Pointer) runs the adapter with obj.
type adapterObj struct {
	adapter unsafe.Pointer
	code    unsafe.Pointer
}

// methodFunc is what a Method.Func value points to: a closure object
// running the method expression (nil in the runtime's own descriptors),
// so that the Value's first word is a func value as for any func, then
// the receiver type and the method's index among its exported methods.
type methodFunc struct {
	clo   *tfnObj
	recv  *rtype
	index int
}

// tfnObj is the closure object of a method expression (methodDesc.tfn).
type tfnObj struct {
	code unsafe.Pointer
}

// boundObj is the closure object of a method value: its code (the method
// type's rtype.bound) calls ifn(word, args...).
type boundObj struct {
	code unsafe.Pointer
	ifn  unsafe.Pointer
	word unsafe.Pointer
}

// methodFuncValue makes the func value of a method value or Method.Func
// Value (for Interface), or panics when the descriptors lack the code.
func methodFuncValue(v Value) (*rtype, unsafe.Pointer) {
	if v.flag&flagMethodFunc != 0 {
		mf := (*methodFunc)(v.ptr)
		if mf.clo == nil {
			panic("reflect: rgoc cannot make a func value of method " + mf.recv.String() + "." + mf.recv.Method(mf.index).Name)
		}
		return v.typ, unsafe.Pointer(mf.clo)
	}
	ctx, code, mt := v.methodTarget("Interface")
	if mt.bound == nil {
		panic("reflect: rgoc cannot make a func value of a method of type " + mt.String())
	}
	return mt, unsafe.Pointer(&boundObj{mt.bound, code, ctx})
}

// compiledFuncType returns a func type descriptor with the compiler's
// call adapter and bound code for t's signature: t itself, or for a
// descriptor without them (the runtime's own, or one built by FuncOf) the
// program's descriptor of the same signature when it has one.
func compiledFuncType(t *rtype) *rtype {
	if t.call != nil {
		return t
	}
	ts := make([]*rtype, t.nfields)
	for i := range ts {
		ts[i] = t.field(i).typ
	}
	if ct := lookupFuncType(ts, t.NumIn(), t.IsVariadic()); ct != nil {
		return ct
	}
	return t
}

// itabFun returns the code of method i in an itab ({inter, typ, hash, fun}).
func itabFun(itab unsafe.Pointer, i int) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Add(itab, 24+8*uintptr(i)))
}

// makeMethodValue turns a method value or Method.Func Value into a plain
// func Value (gc's makeMethodValue).
func makeMethodValue(v Value) Value {
	t, clo := methodFuncValue(v)
	p := new(unsafe.Pointer)
	*p = clo
	return Value{t, unsafe.Pointer(p), v.flag.ro()}
}

// methodTarget resolves a method value: the receiver's data word, the
// code taking it, and the method's type.
func (v Value) methodTarget(op string) (ctx, code unsafe.Pointer, mt *rtype) {
	i := int(v.flag >> flagMethodShift)
	if v.typ.Kind() == Interface {
		f := v.typ.field(i)
		if !isExportedName(f.name) {
			panic("reflect: " + op + " of unexported method")
		}
		mt = compiledFuncType(f.typ)
		if op == "Type" {
			return nil, nil, mt
		}
		itab := *(*unsafe.Pointer)(v.ptr)
		if itab == nil {
			panic("reflect: " + op + " of method on nil interface value")
		}
		if v.typ.nfields == 0 {
			panic("reflect: internal error: invalid method index")
		}
		return (*nonEmptyInterface)(v.ptr).word, itabFun(itab, i), mt
	}
	m := v.typ.exportedMethod(i)
	mt = compiledFuncType(m.mtyp)
	if op == "Type" {
		return nil, nil, mt
	}
	return v.dataWord(), m.ifn, mt
}

func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	if v.flag&flagMethod != 0 {
		return 0
	}
	return v.typ.NumMethod()
}

// Method returns a function value corresponding to v's i'th method.
func (v Value) Method(i int) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if v.flag&(flagMethod|flagMethodFunc) != 0 || uint(i) >= uint(v.typ.NumMethod()) {
		panic("reflect: Method index out of range")
	}
	if v.typ.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	return Value{v.typ, v.ptr, v.flag.ro() | flagMethod | flag(i)<<flagMethodShift}
}

// MethodByName returns a function value corresponding to the method of v
// with the given name, or the zero Value.
func (v Value) MethodByName(name string) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if v.flag&flagMethod != 0 {
		return Value{}
	}
	m, ok := v.typ.MethodByName(name)
	if !ok {
		return Value{}
	}
	return v.Method(m.Index)
}

// Call calls the function v with the input arguments in.
func (v Value) Call(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.Call")
	v.mustBeExported("reflect.Value.Call")
	return v.call("Call", in)
}

// CallSlice calls the variadic function v with the input arguments in,
// assigning the slice in[len(in)-1] to v's final variadic argument.
func (v Value) CallSlice(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.CallSlice")
	v.mustBeExported("reflect.Value.CallSlice")
	return v.call("CallSlice", in)
}

func (v Value) call(op string, in []Value) []Value {
	var t *rtype
	var ctx, code unsafe.Pointer
	switch {
	case v.flag&flagMethod != 0:
		ctx, code, t = v.methodTarget(op)
	case v.flag&flagMethodFunc != 0:
		// Method.Func: the receiver is the first argument.
		mf := (*methodFunc)(v.ptr)
		t = v.typ
		if len(in) == 0 {
			panic("reflect: " + op + " with too few input arguments")
		}
		recv := in[0]
		if recv.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
		if !recv.typ.AssignableTo(mf.recv) {
			panic("reflect: " + op + " using " + recv.typ.String() + " as type " + mf.recv.String())
		}
		m := Value{mf.recv, recv.assignTo("reflect.Value.Call", mf.recv).ptr, flagMethod | flag(mf.index)<<flagMethodShift}
		return m.call(op, in[1:])
	default:
		t = v.typ
		clo := *(*unsafe.Pointer)(v.ptr)
		if clo == nil {
			panic("reflect.Value.Call: call of nil function")
		}
		ctx, code = clo, *(*unsafe.Pointer)(clo)
	}
	// The runtime's own method types (and FuncOf's) have no adapter:
	// the program's descriptor of the signature serves, with the
	// program's descriptors of the argument and result types.
	t = compiledFuncType(t)
	adapter := t.call
	if adapter == nil {
		panic("reflect: rgoc cannot call a value of func type " + t.String() + " built at run time")
	}

	isSlice := op == "CallSlice"
	n := t.NumIn()
	isVariadic := t.IsVariadic()
	if isSlice {
		if !isVariadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if isVariadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !isVariadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	for i := 0; i < n; i++ {
		if xt, targ := in[i].Type(), t.In(i); !xt.AssignableTo(targ) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + targ.String())
		}
	}
	if !isSlice && isVariadic {
		m := len(in) - n
		slice := MakeSlice(t.In(n), m, m)
		elem := t.In(n).Elem()
		for i := 0; i < m; i++ {
			x := in[n+i]
			if xt := x.Type(); !xt.AssignableTo(elem) {
				panic("reflect: cannot use " + xt.String() + " as type " + elem.String() + " in " + op)
			}
			slice.Index(i).Set(x)
		}
		origIn := in
		in = make([]Value, n+1)
		copy(in[:n], origIn)
		in[n] = slice
	}
	nin := len(in)
	if nin != t.NumIn() {
		panic("reflect.Value.Call: wrong argument count")
	}

	// Arguments: private copies (the callee owns its parameters).
	args := make([]unsafe.Pointer, nin+1)
	for i, x := range in {
		targ := t.field(i).typ
		x = x.assignTo("reflect.Value.Call", targ)
		p := unsafe_New(targ)
		typedmemmove(targ, p, x.ptr)
		args[i] = p
	}
	nout := t.NumOut()
	results := make([]unsafe.Pointer, nout+1)
	ret := make([]Value, nout)
	for i := 0; i < nout; i++ {
		rt := t.field(nin + i).typ
		p := unsafe_New(rt)
		results[i] = p
		ret[i] = Value{rt, p, 0}
	}
	obj := &adapterObj{adapter, code}
	var f func(ctx, args, results unsafe.Pointer)
	*(*unsafe.Pointer)(unsafe.Pointer(&f)) = unsafe.Pointer(obj)
	f(ctx, unsafe.Pointer(&args[0]), unsafe.Pointer(&results[0]))
	return ret
}

// makeFuncImpl is the closure object of a MakeFunc func value: its code
// (rtype.makefunc of the func type) stores the arguments in new objects
// and calls handler (the method value impl.call) with their addresses and
// the results' slots.
type makeFuncImpl struct {
	code    unsafe.Pointer
	handler func(args, results unsafe.Pointer)
	ftyp    *rtype
	fn      func([]Value) []Value
}

// MakeFunc returns a new function of the given Type that wraps the
// function fn, through the compiler's MakeFunc code of the func type.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := compiledFuncType(typ.common())
	if t.makefunc == nil {
		panic("reflect.MakeFunc: rgoc cannot make a func of type " + typ.String() + " (not a type of the program)")
	}
	impl := &makeFuncImpl{code: t.makefunc, ftyp: t, fn: fn}
	impl.handler = impl.call
	p := new(unsafe.Pointer)
	*p = unsafe.Pointer(impl)
	return Value{typ.common(), unsafe.Pointer(p), 0}
}

// call runs fn on the arguments and stores its results. It is a wrapper
// (as gc's makeFuncStub): a recover in fn, deferred as the MakeFunc
// value, stops the panic.
//
//go:wrapper
func (m *makeFuncImpl) call(args, results unsafe.Pointer) {
	t := m.ftyp
	nin, nout := t.NumIn(), t.NumOut()
	in := make([]Value, nin)
	for i := range in {
		in[i] = Value{t.field(i).typ, *(*unsafe.Pointer)(unsafe.Add(args, uintptr(i)*unsafe.Sizeof(args))), 0}
	}
	out := m.fn(in)
	if len(out) != nout {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	for i, v := range out {
		if v.typ == nil {
			panic("reflect: function created by MakeFunc using closure returned zero Value")
		}
		if v.flag&flagRO != 0 {
			panic("reflect: function created by MakeFunc using closure returned value obtained from unexported field")
		}
		rt := t.field(nin + i).typ
		v = v.assignTo("reflect.MakeFunc", rt)
		typedmemmove(rt, *(*unsafe.Pointer)(unsafe.Add(results, uintptr(i)*unsafe.Sizeof(results))), v.ptr)
	}
}
