package reflect

// Type relations and lookups after gc's reflect/type.go (BSD-licensed, see
// LICENSE-go): Implements, AssignableTo, ConvertibleTo, FieldByName with
// embedded-field promotion, MethodByName, ChanDir, Overflow*, and the type
// constructors PointerTo, SliceOf, MapOf, FuncOf-for-methods, which find
// the program's own descriptor through the typelinks table (identity) and
// build one at run time only when the program has none.

import "unsafe"

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir             = 1 << iota // <-chan
	SendDir                                 // chan<-
	BothDir = RecvDir | SendDir             // chan
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + itoa(int(d))
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir(t.len)
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || implements(uu, t)
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), t) != nil
}

func (t *rtype) OverflowComplex(x complex128) bool {
	k := t.Kind()
	switch k {
	case Complex64:
		return overflowFloat32(real(x)) || overflowFloat32(imag(x))
	case Complex128:
		return false
	}
	panic("reflect: OverflowComplex of non-complex type " + t.String())
}

func (t *rtype) OverflowFloat(x float64) bool {
	k := t.Kind()
	switch k {
	case Float32:
		return overflowFloat32(x)
	case Float64:
		return false
	}
	panic("reflect: OverflowFloat of non-float type " + t.String())
}

func (t *rtype) OverflowInt(x int64) bool {
	k := t.Kind()
	switch k {
	case Int, Int8, Int16, Int32, Int64:
		bitSize := t.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic("reflect: OverflowInt of non-int type " + t.String())
}

func (t *rtype) OverflowUint(x uint64) bool {
	k := t.Kind()
	switch k {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bitSize := t.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic("reflect: OverflowUint of non-uint type " + t.String())
}

func overflowFloat32(x float64) bool {
	if x < 0 {
		x = -x
	}
	return 3.40282346638528859811704183484516925440e+38 < x && x <= 1.79769313486231570814527423731704356798070e+308
}

// CanSeq reports whether a Value with this type can be iterated over
// using Value.Seq.
func (t *rtype) CanSeq() bool {
	switch t.Kind() {
	case Int8, Int16, Int32, Int64, Int, Uint8, Uint16, Uint32, Uint64, Uint, Uintptr, Array, Slice, Chan, String, Map:
		return true
	case Func:
		return canRangeFunc(t, 1)
	case Pointer:
		return t.elem.Kind() == Array
	}
	return false
}

// CanSeq2 reports whether a Value with this type can be iterated over
// using Value.Seq2.
func (t *rtype) CanSeq2() bool {
	switch t.Kind() {
	case Array, Slice, String, Map:
		return true
	case Func:
		return canRangeFunc(t, 2)
	case Pointer:
		return t.elem.Kind() == Array
	}
	return false
}

func canRangeFunc(t *rtype, n int) bool {
	if t.NumIn() != 1 || t.NumOut() != 0 {
		return false
	}
	y := t.field(0).typ
	if y.Kind() != Func || y.NumIn() != n || y.NumOut() != 1 {
		return false
	}
	return y.field(n).typ.Kind() == Bool
}

// implements reports whether the type V implements the interface type T.
// Methods match by name and by func type (descriptors are shared per
// type, so pointer equality; the name string covers descriptors of local
// types emitted twice).
func implements(T, V *rtype) bool {
	if T.Kind() != Interface {
		return false
	}
	if T.nfields == 0 {
		return true
	}
	i := 0
	if V.Kind() == Interface {
		for j := 0; j < int(V.nfields); j++ {
			tm := T.field(i)
			vm := V.field(j)
			if vm.name == tm.name && sameFuncType(vm.typ, tm.typ) {
				if i++; i >= int(T.nfields) {
					return true
				}
			}
		}
		return false
	}
	for j := 0; j < int(V.nmethods); j++ {
		tm := T.field(i)
		vm := V.method(j)
		if vm.name == tm.name && sameFuncType(vm.mtyp, tm.typ) {
			if i++; i >= int(T.nfields) {
				return true
			}
		}
	}
	return false
}

func sameFuncType(a, b *rtype) bool {
	return a == b || a.name == b.name
}

func specialChannelAssignability(T, V *rtype) bool {
	return ChanDir(V.len) == BothDir && (T.Name() == "" || V.Name() == "") && haveIdenticalType(T.elem, V.elem, true)
}

func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.tflag&tflagNamed != 0 && V.tflag&tflagNamed != 0 || T.Kind() != V.Kind() {
		return false
	}
	if T.Kind() == Chan && specialChannelAssignability(T, V) {
		return true
	}
	return haveIdenticalUnderlyingType(T, V, true)
}

func haveIdenticalType(T, V *rtype, cmpTags bool) bool {
	if cmpTags {
		return T == V
	}
	if T.Name() != V.Name() || T.Kind() != V.Kind() || T.PkgPath() != V.PkgPath() {
		return false
	}
	return haveIdenticalUnderlyingType(T, V, false)
}

func haveIdenticalUnderlyingType(T, V *rtype, cmpTags bool) bool {
	if T == V {
		return true
	}
	kind := T.Kind()
	if kind != V.Kind() {
		return false
	}
	if Bool <= kind && kind <= Complex128 || kind == String || kind == UnsafePointer {
		return true
	}
	switch kind {
	case Array:
		return T.len == V.len && haveIdenticalType(T.elem, V.elem, cmpTags)
	case Chan:
		return V.len == T.len && haveIdenticalType(T.elem, V.elem, cmpTags)
	case Func:
		if T.nin != V.nin || T.nfields != V.nfields {
			return false
		}
		for i := 0; i < int(T.nfields); i++ {
			if !haveIdenticalType(T.field(i).typ, V.field(i).typ, cmpTags) {
				return false
			}
		}
		return true
	case Interface:
		if T.nfields == 0 && V.nfields == 0 {
			return true
		}
		if T.nfields != V.nfields {
			return false
		}
		for i := 0; i < int(T.nfields); i++ {
			if T.field(i).name != V.field(i).name || !sameFuncType(T.field(i).typ, V.field(i).typ) {
				return false
			}
		}
		return true
	case Map:
		return haveIdenticalType(T.key, V.key, cmpTags) && haveIdenticalType(T.elem, V.elem, cmpTags)
	case Pointer, Slice:
		return haveIdenticalType(T.elem, V.elem, cmpTags)
	case Struct:
		if T.nfields != V.nfields {
			return false
		}
		if T.nfields > 0 && T.fieldPkgPath() != V.fieldPkgPath() {
			return false
		}
		for i := 0; i < int(T.nfields); i++ {
			tf, vf := T.field(i), V.field(i)
			if tf.name != vf.name {
				return false
			}
			if !haveIdenticalType(tf.typ, vf.typ, cmpTags) {
				return false
			}
			if cmpTags && tf.tag != vf.tag {
				return false
			}
			if tf.offset != vf.offset || tf.embedded != vf.embedded {
				return false
			}
		}
		return true
	}
	return false
}

// fieldPkgPath is the package path of the struct's unexported fields.
func (t *rtype) fieldPkgPath() string {
	if t.pkgpath != "" {
		return t.pkgpath
	}
	return "main"
}

// FieldByIndex returns the nested field corresponding to index.
func (t *rtype) FieldByIndex(index []int) StructField {
	if t.Kind() != Struct {
		panic("reflect: FieldByIndex of non-struct type " + t.String())
	}
	var f StructField
	f.Type = toType(t)
	for i, x := range index {
		if i > 0 {
			ft := f.Type
			if ft.Kind() == Pointer && ft.Elem().Kind() == Struct {
				ft = ft.Elem()
			}
			f.Type = ft
		}
		f = f.Type.Field(x)
	}
	return f
}

type fieldScan struct {
	typ   *rtype
	index []int
}

// FieldByNameFunc returns the struct field with a name that satisfies the
// match function, breadth first through embedded structs (gc's
// algorithm: a name found twice at the shallowest depth is ambiguous).
func (t *rtype) FieldByNameFunc(match func(string) bool) (result StructField, ok bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByNameFunc of non-struct type " + t.String())
	}
	current := []fieldScan{}
	next := []fieldScan{{typ: t}}
	var nextCount map[*rtype]int
	visited := map[*rtype]bool{}
	for len(next) > 0 {
		current, next = next, current[:0]
		count := nextCount
		nextCount = nil
		for _, scan := range current {
			t := scan.typ
			if visited[t] {
				continue
			}
			visited[t] = true
			for i := 0; i < int(t.nfields); i++ {
				f := t.field(i)
				fname := f.name
				var ntyp *rtype
				if f.embedded != 0 {
					ntyp = f.typ
					if ntyp.Kind() == Pointer {
						ntyp = ntyp.elem
					}
				}
				if match(fname) {
					if count[t] > 1 || ok {
						return StructField{}, false
					}
					result = t.Field(i)
					result.Index = nil
					result.Index = append(result.Index, scan.index...)
					result.Index = append(result.Index, i)
					ok = true
					continue
				}
				if ok || ntyp == nil || ntyp.Kind() != Struct {
					continue
				}
				if nextCount[ntyp] > 0 {
					nextCount[ntyp] = 2
					continue
				}
				if nextCount == nil {
					nextCount = map[*rtype]int{}
				}
				nextCount[ntyp] = 1
				if count[t] > 1 {
					nextCount[ntyp] = 2
				}
				var index []int
				index = append(index, scan.index...)
				index = append(index, i)
				next = append(next, fieldScan{ntyp, index})
			}
		}
		if ok {
			break
		}
	}
	return
}

// FieldByName returns the struct field with the given name.
func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	hasEmbeds := false
	if name != "" {
		for i := 0; i < int(t.nfields); i++ {
			f := t.field(i)
			if f.name == name {
				return t.Field(i), true
			}
			if f.embedded != 0 {
				hasEmbeds = true
			}
		}
	}
	if !hasEmbeds {
		return StructField{}, false
	}
	return t.FieldByNameFunc(func(s string) bool { return s == name })
}

// MethodByName returns the exported method with that name.
func (t *rtype) MethodByName(name string) (Method, bool) {
	n := t.NumMethod()
	for i := 0; i < n; i++ {
		m := t.Method(i)
		if m.Name == name {
			return m, true
		}
	}
	return Method{}, false
}

// exportedMethod returns the descriptor of t's i'th exported method.
func (t *rtype) exportedMethod(i int) *methodDesc {
	n := 0
	for j := 0; j < int(t.nmethods); j++ {
		m := t.method(j)
		if !isExportedName(m.name) {
			continue
		}
		if n == i {
			return m
		}
		n++
	}
	panic("reflect: Method index out of range")
}

// The typelinks table (runtime.typelinks: every descriptor the program's
// packages emitted) and the types built at run time.

//go:linkname typelinksBounds runtime.typelinks
func typelinksBounds() *[2]uintptr

var (
	typelinksCache []*rtype
	builtTypes     map[string]*rtype
)

func typelinks() []*rtype {
	if typelinksCache == nil {
		b := typelinksBounds()
		n := (b[1] - b[0]) / unsafe.Sizeof(uintptr(0))
		all := unsafe.Slice((**rtype)(unsafe.Pointer(b[0])), int(n))
		for _, t := range all {
			if t != nil {
				typelinksCache = append(typelinksCache, t)
			}
		}
	}
	return typelinksCache
}

// lookupType finds an unnamed type of kind k whose components satisfy
// match: the program's descriptor, else one built earlier.
func lookupType(k Kind, s string, match func(t *rtype) bool) *rtype {
	if t := builtTypes[s]; t != nil {
		return t
	}
	for _, t := range typelinks() {
		if Kind(t.kind) == k && t.tflag&tflagNamed == 0 && match(t) {
			return t
		}
	}
	return nil
}

func rememberType(s string, t *rtype) *rtype {
	if builtTypes == nil {
		builtTypes = map[string]*rtype{}
	}
	builtTypes[s] = t
	return t
}

var ptrGCData = [1]byte{1}

// Built descriptors carry what the compiler's have (internal/abi reads
// them with gc's field names): a comparable type's Equal func value
// {runtime.eqfunc, t} and a map type's trailing Hasher {runtime.hashfunc,
// key} (runtime/src/types.rs `MapType`). The code words are taken from a
// compiled descriptor's closures.

// mapRType is a map type's descriptor.
type mapRType struct {
	rtype
	hasher unsafe.Pointer
}

func closureCode(clo unsafe.Pointer) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(clo)[0]
}

// withEqual sets t's Equal when t is comparable.
func withEqual(t *rtype) *rtype {
	if t.tflag&tflagComparable != 0 {
		code := closureCode(TypeOf(0).common().equal)
		t.equal = unsafe.Pointer(&[2]unsafe.Pointer{code, unsafe.Pointer(t)})
	}
	return t
}

// PointerTo returns the pointer type with element t.
func PointerTo(t Type) Type {
	return toType(ptrTo(t.common()))
}

// PtrTo is the old name for PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

func ptrTo(t *rtype) *rtype {
	if t.ptrto != nil {
		return t.ptrto
	}
	s := "*" + t.name
	if p := lookupType(Pointer, s, func(p *rtype) bool { return p.elem == t }); p != nil {
		return p
	}
	// Not in the program: a descriptor built here. Its method set is t's
	// value methods when t's interface data word is already a pointer to
	// the value (pointer-receiver methods exist only when *t is in the
	// program, and then its descriptor is found above).
	p := withEqual(refType(Pointer, s, t, nil, 0, tflagComparable|tflagRegularMem))
	if t.tflag&tflagNamed != 0 && !t.directIface() && t.Kind() != Interface {
		p.methods, p.nmethods = t.methods, t.nmethods
	}
	return rememberType(s, p)
}

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type {
	et := t.common()
	s := "[]" + et.name
	if st := lookupType(Slice, s, func(p *rtype) bool { return p.elem == et }); st != nil {
		return st
	}
	st := &rtype{
		size:       3 * unsafe.Sizeof(uintptr(0)),
		ptrdata:    unsafe.Sizeof(uintptr(0)),
		hash:       fnv32(s),
		align:      8,
		fieldAlign: 8,
		kind:       uint8(Slice),
		gcdata:     unsafe.Pointer(&ptrGCData[0]),
		name:       s,
		elem:       et,
	}
	return rememberType(s, st)
}

// MapOf returns the map type with the given key and element types: the
// program's descriptor, else one built here (the runtime's maps need only
// a map descriptor's key and elem).
func MapOf(key, elem Type) Type {
	kt, et := key.common(), elem.common()
	if !kt.Comparable() {
		panic("reflect.MapOf: invalid key type " + kt.String())
	}
	s := "map[" + kt.name + "]" + et.name
	if mt := lookupType(Map, s, func(p *rtype) bool { return p.key == kt && p.elem == et }); mt != nil {
		return mt
	}
	mt := &mapRType{rtype: *refType(Map, s, et, kt, 0, 0)}
	code := closureCode((*mapRType)(unsafe.Pointer(TypeOf(map[int]int(nil)).common())).hasher)
	mt.hasher = unsafe.Pointer(&[2]unsafe.Pointer{code, unsafe.Pointer(kt)})
	return rememberType(s, &mt.rtype)
}

// refType builds the descriptor of a one-pointer-word type (pointer, map,
// chan, func).
func refType(k Kind, s string, elem, key *rtype, length uintptr, tflag uint8) *rtype {
	return &rtype{
		size:       unsafe.Sizeof(uintptr(0)),
		ptrdata:    unsafe.Sizeof(uintptr(0)),
		hash:       fnv32(s),
		tflag:      tflagDirectIface | tflag,
		align:      8,
		fieldAlign: 8,
		kind:       uint8(k),
		gcdata:     unsafe.Pointer(&ptrGCData[0]),
		name:       s,
		elem:       elem,
		key:        key,
		len:        length,
	}
}

// ChanOf returns the channel type with the given direction and element
// type: the program's descriptor, else one built here (the runtime's
// channels need only its elem).
func ChanOf(dir ChanDir, t Type) Type {
	et := t.common()
	var s string
	switch dir {
	case SendDir:
		s = "chan<- " + et.name
	case RecvDir:
		s = "<-chan " + et.name
	case BothDir:
		if et.Kind() == Chan && ChanDir(et.len) == RecvDir {
			s = "chan (" + et.name + ")"
		} else {
			s = "chan " + et.name
		}
	default:
		panic("reflect.ChanOf: invalid dir")
	}
	if ct := lookupType(Chan, s, func(p *rtype) bool { return p.elem == et && p.len == uintptr(dir) }); ct != nil {
		return ct
	}
	return rememberType(s, withEqual(refType(Chan, s, et, nil, uintptr(dir), tflagComparable|tflagRegularMem)))
}

// ArrayOf returns the array type with the given length and element type:
// the program's descriptor, else one built here (the runtime derives an
// array's equality and hashing from its kind, len and elem; the pointer
// bitmap repeats the element's).
func ArrayOf(length int, elem Type) Type {
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	et := elem.common()
	s := "[" + itoa(length) + "]" + et.name
	if at := lookupType(Array, s, func(p *rtype) bool { return p.elem == et && p.len == uintptr(length) }); at != nil {
		return at
	}
	if et.size > 0 && uintptr(length) > ^uintptr(0)/et.size {
		panic("reflect.ArrayOf: array size would exceed virtual address space")
	}
	at := &rtype{
		size:       et.size * uintptr(length),
		hash:       fnv32(s),
		tflag:      et.tflag & (tflagComparable | tflagRegularMem),
		align:      et.align,
		fieldAlign: et.fieldAlign,
		kind:       uint8(Array),
		name:       s,
		elem:       et,
		len:        uintptr(length),
	}
	if et.ptrdata > 0 && length > 0 {
		const w = unsafe.Sizeof(uintptr(0))
		at.ptrdata = et.size*uintptr(length-1) + et.ptrdata
		nbits := at.ptrdata / w
		mask := make([]byte, (nbits+7)/8)
		ebits := unsafe.Slice((*byte)(et.gcdata), (et.ptrdata/w+7)/8)
		for i := 0; i < length; i++ {
			base := uintptr(i) * et.size / w
			for b := uintptr(0); b < et.ptrdata/w; b++ {
				if ebits[b/8]>>(b%8)&1 != 0 {
					bit := base + b
					mask[bit/8] |= 1 << (bit % 8)
				}
			}
		}
		at.gcdata = unsafe.Pointer(&mask[0])
	}
	return rememberType(s, withEqual(at))
}

// FuncOf returns the function type with the given argument and result
// types. A type the program lacks is built here; its values can be called
// only when they come from methods (Method.Func), since a call needs the
// compiler's call adapter.
func FuncOf(in, out []Type, variadic bool) Type {
	if variadic && (len(in) == 0 || in[len(in)-1].Kind() != Slice) {
		panic("reflect.FuncOf: last arg of variadic func must be slice")
	}
	ts := make([]*rtype, 0, len(in)+len(out))
	for _, t := range in {
		ts = append(ts, t.common())
	}
	for _, t := range out {
		ts = append(ts, t.common())
	}
	return funcOf(ts, len(in), variadic)
}

func funcOf(ts []*rtype, nin int, variadic bool) *rtype {
	s, nword, match := funcTypeKey(ts, nin, variadic)
	if ft := lookupType(Func, s, match); ft != nil {
		return ft
	}
	fields := make([]fieldDesc, len(ts))
	for i, t := range ts {
		fields[i].typ = t
	}
	ft := refType(Func, s, nil, nil, 0, 0)
	ft.nin, ft.nfields = nword, uintptr(len(ts))
	if len(ts) > 0 {
		ft.fields = unsafe.Pointer(&fields[0])
	}
	return rememberType(s, ft)
}

// lookupFuncType returns the program's descriptor of the func type with
// these parameters and results, or nil.
func lookupFuncType(ts []*rtype, nin int, variadic bool) *rtype {
	_, nword, match := funcTypeKey(ts, nin, variadic)
	for _, t := range typelinks() {
		if Kind(t.kind) == Func && t.tflag&tflagNamed == 0 && t.nin == nword && match(t) {
			return t
		}
	}
	return nil
}

// funcTypeKey returns the name, nin word and a matcher of the func type
// with these parameter and result types.
func funcTypeKey(ts []*rtype, nin int, variadic bool) (string, uintptr, func(*rtype) bool) {
	s := "func("
	for i := 0; i < nin; i++ {
		if i > 0 {
			s += ", "
		}
		if variadic && i == nin-1 {
			s += "..." + ts[i].elem.name
		} else {
			s += ts[i].name
		}
	}
	s += ")"
	nout := len(ts) - nin
	if nout == 1 {
		s += " " + ts[nin].name
	} else if nout > 1 {
		s += " ("
		for i := nin; i < len(ts); i++ {
			if i > nin {
				s += ", "
			}
			s += ts[i].name
		}
		s += ")"
	}
	nword := uintptr(nin)
	if variadic {
		nword |= 1 << 63
	}
	match := func(p *rtype) bool {
		if p.nin != nword || p.nfields != uintptr(len(ts)) {
			return false
		}
		for i, t := range ts {
			if !samePredeclared(p.field(i).typ, t) {
				return false
			}
		}
		return true
	}
	return s, nword, match
}

// samePredeclared reports whether a and b are the same type, counting the
// runtime's own descriptors of predeclared types (runtime/src/error.rs)
// as the program's.
func samePredeclared(a, b *rtype) bool {
	if a == b {
		return true
	}
	k := a.Kind()
	return k == b.Kind() && (Bool <= k && k <= Complex128 || k == String || k == UnsafePointer) &&
		a.name == b.name && a.pkgpath == "" && b.pkgpath == ""
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// TypeFor returns the Type that represents the type argument T.
func TypeFor[T any]() Type {
	return TypeOf((*T)(nil)).Elem()
}
