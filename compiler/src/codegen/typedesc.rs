//! Type descriptors, in the layout of runtime/src/types.rs (`Type`). One
//! descriptor per distinct Go type per program, named `type:<name>` like gc.

use inkwell::attributes::AttributeLoc;
use inkwell::module::Linkage;
use inkwell::values::{BasicValueEnum, GlobalValue};
use rgoc_syntax::Pos;
use rgoc_types::{BasicKind, Type, TypeId};

use super::rt::R;
use super::Gen;

mod kind {
    pub const BOOL: u8 = 1;
    pub const INT: u8 = 2;
    pub const INT8: u8 = 3;
    pub const INT16: u8 = 4;
    pub const INT32: u8 = 5;
    pub const INT64: u8 = 6;
    pub const UINT: u8 = 7;
    pub const UINT8: u8 = 8;
    pub const UINT16: u8 = 9;
    pub const UINT32: u8 = 10;
    pub const UINT64: u8 = 11;
    pub const UINTPTR: u8 = 12;
    pub const FLOAT32: u8 = 13;
    pub const FLOAT64: u8 = 14;
    pub const COMPLEX64: u8 = 15;
    pub const COMPLEX128: u8 = 16;
    pub const ARRAY: u8 = 17;
    pub const CHAN: u8 = 18;
    pub const FUNC: u8 = 19;
    pub const INTERFACE: u8 = 20;
    pub const MAP: u8 = 21;
    pub const POINTER: u8 = 22;
    pub const SLICE: u8 = 23;
    pub const STRING: u8 = 24;
    pub const STRUCT: u8 = 25;
    pub const UNSAFE_POINTER: u8 = 26;
}

const TFLAG_NAMED: u8 = 1;
const TFLAG_COMPARABLE: u8 = 2;
const TFLAG_REGULAR_MEMORY: u8 = 4;
const TFLAG_DIRECT_IFACE: u8 = 8;

impl<'ctx, 'a> Gen<'ctx, 'a> {
    fn kind_of(&self, t: TypeId) -> u8 {
        match self.c.types.under(t) {
            Type::Basic(k) => match k {
                BasicKind::Bool => kind::BOOL,
                BasicKind::Int => kind::INT,
                BasicKind::Int8 => kind::INT8,
                BasicKind::Int16 => kind::INT16,
                BasicKind::Int32 => kind::INT32,
                BasicKind::Int64 => kind::INT64,
                BasicKind::Uint => kind::UINT,
                BasicKind::Uint8 => kind::UINT8,
                BasicKind::Uint16 => kind::UINT16,
                BasicKind::Uint32 => kind::UINT32,
                BasicKind::Uint64 => kind::UINT64,
                BasicKind::Uintptr => kind::UINTPTR,
                BasicKind::Float32 => kind::FLOAT32,
                BasicKind::Float64 => kind::FLOAT64,
                BasicKind::Complex64 => kind::COMPLEX64,
                BasicKind::Complex128 => kind::COMPLEX128,
                BasicKind::String => kind::STRING,
                BasicKind::UnsafePointer => kind::UNSAFE_POINTER,
                _ => 0,
            },
            Type::Array(..) => kind::ARRAY,
            Type::Chan(..) => kind::CHAN,
            Type::Func(_) => kind::FUNC,
            Type::Interface(_) => kind::INTERFACE,
            Type::Map(..) => kind::MAP,
            Type::Pointer(_) => kind::POINTER,
            Type::Slice(_) => kind::SLICE,
            Type::Struct(_) => kind::STRUCT,
            _ => 0,
        }
    }

    /// Whether an interface holding a value of type `t` stores the value
    /// itself in its data word.
    pub fn is_direct_iface(&self, t: TypeId) -> bool {
        matches!(
            self.c.types.under(t),
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_)
        ) || self.c.types.basic(t) == Some(BasicKind::UnsafePointer)
    }

    fn string_const(&mut self, s: &[u8]) -> BasicValueEnum<'ctx> {
        let p = self.string_data(s);
        let len = self.ctx.i64_type().const_int(s.len() as u64, false);
        self.string_type()
            .const_named_struct(&[p.into(), len.into()])
            .into()
    }

    /// The descriptor of type `t`.
    pub fn type_desc(&mut self, t: TypeId, pos: Pos) -> GlobalValue<'ctx> {
        if let Some(g) = self.typedescs.get(&t) {
            return *g;
        }
        let name = self.c.types.rtype_string(t);
        let i64t = self.ctx.i64_type();
        let i32t = self.ctx.i32_type();
        let i8t = self.ctx.i8_type();
        let ptr = self.ptr_type();
        let st = self.string_type();
        // A map type's descriptor has one more word: its Hasher
        // (runtime/src/types.rs `MapType`).
        let is_map = matches!(self.c.types.under(t), Type::Map(..));
        let mut fields: Vec<inkwell::types::BasicTypeEnum<'ctx>> = vec![
                i64t.into(),
                i64t.into(),
                i32t.into(),
                i8t.into(),
                i8t.into(),
                i8t.into(),
                i8t.into(),
                ptr.into(),
                ptr.into(),
                st.into(),
                st.into(),
                ptr.into(),
                ptr.into(),
                i64t.into(),
                ptr.into(),
                i64t.into(),
                i64t.into(),
                ptr.into(),
                i64t.into(),
                ptr.into(),
                ptr.into(),
                ptr.into(),
                ptr.into(),
            ];
        // The layout of every descriptor that is not a map's (*T's).
        let plain_ty = self.ctx.struct_type(&fields, false);
        if is_map {
            fields.push(ptr.into());
        }
        let desc_ty = self.ctx.struct_type(&fields, false);
        let sym = format!("type:{}", self.c.types.symbol_type_string(t));
        // A weak reference from an earlier descriptor's ptrto (below) may
        // have declared it already.
        let g = match self.module.get_global(&sym) {
            Some(g) if g.get_linkage() == Linkage::ExternalWeak && g.get_value_type() == desc_ty.into() => g,
            _ => self.module.add_global(desc_ty, None, &sym),
        };
        let local = self.is_local_type(t);
        self.share_global(g, local);
        g.set_constant(true);
        self.typedescs.insert(t, g);
        // *T's descriptor (ptrto) wherever T's is, when the program has the
        // type *T: reflect.PointerTo returns it (identity).
        // A package's object is cached whatever program compiled it, so
        // whether the program has *T must not decide its content: other
        // modules refer to *T's symbol weakly (null when no module of the
        // program defines it).
        // The package declaring a named T has *T whenever T has pointer
        // methods (their receivers), whatever the program: it emits *T.
        let declared_here = self.c.types.named_info(t).and_then(|n| n.obj).is_some_and(|o| {
            let file = self.c.objs.get(o).pos.file;
            self.files.iter().any(|f| f.file_index == file)
        });
        let ptrto_v: BasicValueEnum = if local || declared_here {
            match self.c.types.find(&Type::Pointer(t)) {
                Some(pt) => self.type_desc(pt, pos).as_pointer_value().into(),
                None => ptr.const_null().into(),
            }
        } else {
            let psym = format!("type:*{}", self.c.types.symbol_type_string(t));
            let pg = match self.module.get_global(&psym) {
                // A function-local type's descriptor of the same spelling
                // is internal: not this one.
                Some(pg) if pg.get_linkage() == Linkage::Internal => None,
                Some(pg) => Some(pg),
                None => {
                    let pg = self.module.add_global(plain_ty, None, &psym);
                    pg.set_linkage(Linkage::ExternalWeak);
                    Some(pg)
                }
            };
            pg.map_or(ptr.const_null().into(), |pg| pg.as_pointer_value().into())
        };
        let size = self.size_of(t, pos);
        let align = self
            .llvm_type(t, pos)
            .map(|ty| self.td.get_abi_alignment(&ty))
            .unwrap_or(1);
        let named = self.c.types.is_named(t);
        let comparable = self.c.types.comparable(t);
        let mut tflag = 0u8;
        if named {
            tflag |= TFLAG_NAMED;
        }
        if comparable {
            tflag |= TFLAG_COMPARABLE;
            if matches!(self.c.types.under(t), Type::Basic(k) if k.is_integer() || *k == BasicKind::Bool)
                || self.is_direct_iface(t)
            {
                tflag |= TFLAG_REGULAR_MEMORY;
            }
        }
        if self.is_direct_iface(t) {
            tflag |= TFLAG_DIRECT_IFACE;
        }
        let pkgpath = match self.c.types.get(t) {
            // The predeclared unsafe.Pointer is named in package unsafe.
            Type::Basic(BasicKind::UnsafePointer) => "unsafe".to_string(),
            _ => self.c.types.named_info(t).map(|n| n.pkg.clone()).unwrap_or_default(),
        };
        let hash = name
            .bytes()
            .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
        let elem = match self.c.types.under(t).clone() {
            Type::Pointer(e)
            | Type::Slice(e)
            | Type::Array(_, e)
            | Type::Chan(_, e)
            | Type::Map(_, e) => Some(e),
            _ => None,
        };
        let key = match self.c.types.under(t).clone() {
            Type::Map(k, _) => Some(k),
            _ => None,
        };
        // Array length; channel direction as reflect.ChanDir numbers it.
        let len = match self.c.types.under(t).clone() {
            Type::Array(n, _) => n,
            Type::Chan(rgoc_types::ChanDir::Recv, _) => 1,
            Type::Chan(rgoc_types::ChanDir::Send, _) => 2,
            Type::Chan(rgoc_types::ChanDir::Both, _) => 3,
            _ => 0,
        };
        let elem_v: BasicValueEnum = match elem {
            Some(e) => self.type_desc(e, pos).as_pointer_value().into(),
            None => ptr.const_null().into(),
        };
        let key_v: BasicValueEnum = match key {
            Some(k) => self.type_desc(k, pos).as_pointer_value().into(),
            None => ptr.const_null().into(),
        };
        let name_v = self.string_const(name.as_bytes());
        let pkg_v = self.string_const(pkgpath.as_bytes());
        let (fields_v, nfields, nin) = self.desc_fields(t, pos);
        let (methods_v, nmethods) = self.desc_methods(t, pos);
        let (ptrdata, gcdata_v) = self.desc_gcdata(t, pos);
        let call_v: BasicValueEnum = match self.call_adapter(t, pos) {
            Some(f) => f.as_global_value().as_pointer_value().into(),
            None => ptr.const_null().into(),
        };
        let bound_v: BasicValueEnum = match self.bound_method_code(t, pos) {
            Some(f) => f.as_global_value().as_pointer_value().into(),
            None => ptr.const_null().into(),
        };
        let makefunc_v: BasicValueEnum = match self.makefunc_code(t, pos) {
            Some(f) => f.as_global_value().as_pointer_value().into(),
            None => ptr.const_null().into(),
        };
        // gc's Type.Equal as a Go func value, for gc's Go code
        // (internal/abi): null when T is not comparable.
        let equal_v: BasicValueEnum = if comparable {
            self.desc_closure(false, t, pos)
        } else {
            ptr.const_null().into()
        };
        let hasher_v: Option<BasicValueEnum> = key.map(|k| self.desc_closure(true, k, pos));
        let mut values: Vec<BasicValueEnum<'ctx>> = vec![
            i64t.const_int(size, false).into(),
            i64t.const_int(ptrdata, false).into(),
            i32t.const_int(hash as u64, false).into(),
            i8t.const_int(tflag as u64, false).into(),
            i8t.const_int(align as u64, false).into(),
            i8t.const_int(align as u64, false).into(),
            i8t.const_int(self.kind_of(t) as u64, false).into(),
            equal_v,
            gcdata_v,
            name_v,
            pkg_v,
            elem_v,
            key_v,
            i64t.const_int(len, false).into(),
            fields_v,
            i64t.const_int(nfields, false).into(),
            i64t.const_int(nin, false).into(),
            methods_v,
            i64t.const_int(nmethods, false).into(),
            call_v,
            bound_v,
            ptrto_v,
            makefunc_v,
        ];
        if let Some(h) = hasher_v {
            values.push(h);
        }
        let init = desc_ty.const_named_struct(&values);
        g.set_initializer(&init);
        g
    }

    /// The closure object `{code, &T's descriptor}` of T's Equal func value
    /// (`hasher` false: code runtime.eqfunc, `go:eq.T`) or of the Hasher
    /// of maps keyed by T (`hasher` true: runtime.hashfunc, `go:hash.T`);
    /// runtime/src/alg.rs. Shared link-once like descriptors.
    fn desc_closure(&mut self, hasher: bool, t: TypeId, pos: Pos) -> BasicValueEnum<'ctx> {
        if let Some(g) = self.desc_closures.get(&(hasher, t)) {
            return g.as_pointer_value().into();
        }
        let ptr = self.ptr_type();
        let (prefix, code, ret) = if hasher {
            ("go:hash.", "runtime.hashfunc", R::I64)
        } else {
            ("go:eq.", "runtime.eqfunc", R::I8)
        };
        let sym = format!("{prefix}{}", self.c.types.symbol_type_string(t));
        let ty = self.ctx.struct_type(&[ptr.into(), ptr.into()], false);
        let g = self.module.add_global(ty, None, &sym);
        let local = self.is_local_type(t);
        self.share_global(g, local);
        g.set_constant(true);
        self.desc_closures.insert((hasher, t), g);
        let f = self.rt(code, &[R::Ptr, R::Ptr, R::Ptr], ret);
        let d = self.type_desc(t, pos);
        g.set_initializer(&ty.const_named_struct(&[
            f.as_global_value().as_pointer_value().into(),
            d.as_pointer_value().into(),
        ]));
        g.as_pointer_value().into()
    }

    /// The call adapter of func type `t` (reflect's Value.Call):
    /// `adapter(obj *{adapter, code}, ctx, args *[nin]ptr, results
    /// *[nout]ptr)` loads each argument from `*args[i]`, calls `code(ctx,
    /// args...)` with the signature's LLVM calling convention and stores
    /// result i at `*results[i]`. `code(ctx, ...)` is a closure's code with
    /// its closure object, or a method's interface entry (`ifn`) with a data
    /// word. `obj` makes the adapter the code of a closure object, so Go
    /// code calls it as a `func(ctx, args, results unsafe.Pointer)` value.
    fn call_adapter(&mut self, t: TypeId, pos: Pos) -> Option<inkwell::values::FunctionValue<'ctx>> {
        let ptr = self.ptr_type();
        let aty = self
            .ctx
            .void_type()
            .fn_type(&[ptr.into(), ptr.into(), ptr.into(), ptr.into()], false);
        let (w, sig, outer) = self.func_type_code(t, "go:calladapter", false, |_, _| Some(aty))?;
        let Some(outer) = outer else { return Some(w) };
        let ft = self.closure_fn_type(&sig, pos)?;
        let param = |i: u32| w.get_nth_param(i).expect("param").into_pointer_value();
        let (obj, ctx, args, results) = (param(0), param(1), param(2), param(3));
        let code = self.load_word(obj, 1);
        let mut argv: Vec<inkwell::values::BasicMetadataValueEnum> = vec![ctx.into()];
        for (i, &p) in sig.params.iter().enumerate() {
            let ap = self.load_word(args, i as u64);
            argv.push(self.load(p, ap, pos)?.into());
        }
        let cs = self.builder.build_indirect_call(ft, code, &argv, "").expect("call");
        let r = match cs.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => Some(v),
            _ => None,
        };
        for (i, &rt) in sig.results.iter().enumerate() {
            let v = if sig.results.len() == 1 {
                r.expect("result")
            } else {
                self.builder
                    .build_extract_value(r.expect("results").into_struct_value(), i as u32, "r")
                    .expect("extract")
            };
            let rp = self.load_word(results, i as u64);
            self.store_val(rp, v, rt);
        }
        self.builder.build_return(None).expect("ret");
        self.leave_fn(outer);
        Some(w)
    }

    /// Reflection's code (call adapters, bound and tfn code: one per func
    /// type or method of every descriptor, run only by reflect) is not
    /// optimised: `optnone` (with the `noinline` it requires) keeps the
    /// O2 pipeline's time on them near zero; the code stays a handful of
    /// loads, one call and stores.
    fn reflect_code_attrs(&self, f: inkwell::values::FunctionValue<'ctx>) {
        for a in ["optnone", "noinline"] {
            let id = inkwell::attributes::Attribute::get_named_enum_kind_id(a);
            f.add_attribute(AttributeLoc::Function, self.ctx.create_enum_attribute(id, 0));
        }
    }

    /// Word `i` of the pointer array at `base`, as a pointer.
    fn load_word(&mut self, base: inkwell::values::PointerValue<'ctx>, i: u64) -> inkwell::values::PointerValue<'ctx> {
        let ptr = self.ptr_type();
        let slot = unsafe { self.builder.build_gep(ptr, base, &[self.i64c(i)], "w") }.expect("gep");
        self.builder.build_load(ptr, slot, "").expect("load").into_pointer_value()
    }

    /// The reflection code `prefix.<t>` of func type `t` (link-once like
    /// `t`'s descriptor), with the LLVM type `ty` makes from the signature
    /// (`go_results`: the function returns the signature's results): the
    /// function, the signature, and where generation was when the body is
    /// still to be generated (None when the module already has it).
    #[allow(clippy::type_complexity)]
    fn func_type_code(
        &mut self,
        t: TypeId,
        prefix: &str,
        go_results: bool,
        ty: impl FnOnce(&mut Self, &rgoc_types::Signature) -> Option<inkwell::types::FunctionType<'ctx>>,
    ) -> Option<(inkwell::values::FunctionValue<'ctx>, rgoc_types::Signature, Option<super::func::Outer<'ctx>>)> {
        let Type::Func(sig) = self.c.types.under(t).clone() else {
            return None;
        };
        let name = format!("{}.{}", prefix, self.c.types.symbol_type_string(t));
        if let Some(f) = self.module.get_function(&name) {
            return Some((f, sig, None));
        }
        let ft = ty(self, &sig)?;
        let w = self.module.add_function(&name, ft, Some(Linkage::Internal));
        self.go_fn_attrs(w, true);
        self.reflect_code_attrs(w);
        let local = self.is_local_type(t);
        self.share_global(w.as_global_value(), local);
        // The adapter returns nothing to Go; bound code returns the results.
        let results = if go_results { sig.results.clone() } else { Vec::new() };
        let outer = self.enter_fn(w, name, results);
        Some((w, sig, Some(outer)))
    }

    /// The method-value code of func type `t` (reflect's Value.Method(i)
    /// as a func value): `bound(clo *{bound, ifn, word}, args...)` returns
    /// `ifn(word, args...)`, so a closure object {bound, ifn, word} is a
    /// func value of type `t` calling the method with a bound receiver.
    fn bound_method_code(&mut self, t: TypeId, pos: Pos) -> Option<inkwell::values::FunctionValue<'ctx>> {
        let (w, sig, outer) =
            self.func_type_code(t, "go:boundmethod", true, |g, sig| g.closure_fn_type(sig, pos))?;
        let Some(outer) = outer else { return Some(w) };
        let clo = w.get_nth_param(0).expect("clo").into_pointer_value();
        let ifn = self.load_word(clo, 1);
        let data = self.load_word(clo, 2);
        let args: Vec<BasicValueEnum> = w.get_param_iter().skip(1).collect();
        let r = self.call_callee(super::call::Callee::Dynamic(ifn, data.into()), &sig, args, pos)?;
        self.ret_call(r);
        self.leave_fn(outer);
        Some(w)
    }

    /// The MakeFunc code of func type `t` (reflect.MakeFunc): `mf(clo
    /// *{mf, handler}, args...) results` copies each argument into a new
    /// object, makes a new object per result, calls the Go func value
    /// `handler(args *[n]ptr, results *[m]ptr)` (reflect's, which runs the
    /// user's function on Values and stores its results) and returns the
    /// results. The handler comes from the closure object, so programs
    /// that do not link reflect need no symbol of it.
    fn makefunc_code(&mut self, t: TypeId, pos: Pos) -> Option<inkwell::values::FunctionValue<'ctx>> {
        let (w, sig, outer) =
            self.func_type_code(t, "go:makefunc", true, |g, sig| g.closure_fn_type(sig, pos))?;
        let Some(outer) = outer else { return Some(w) };
        let ptr = self.ptr_type();
        let clo = w.get_nth_param(0).expect("clo").into_pointer_value();
        let args = self.alloca(ptr.array_type(sig.params.len().max(1) as u32).into(), "args");
        for (i, &p) in sig.params.iter().enumerate() {
            let v = w.get_nth_param(i as u32 + 1).expect("param");
            let obj = self.new_object(p, pos);
            self.store_val(obj, v, p);
            let slot = unsafe { self.builder.build_gep(ptr, args, &[self.i64c(i as u64)], "a") }.expect("gep");
            self.builder.build_store(slot, obj).expect("store");
        }
        let results = self.alloca(ptr.array_type(sig.results.len().max(1) as u32).into(), "results");
        let mut objs = Vec::new();
        for (i, &r) in sig.results.iter().enumerate() {
            let obj = self.new_object(r, pos);
            let slot = unsafe { self.builder.build_gep(ptr, results, &[self.i64c(i as u64)], "r") }.expect("gep");
            self.builder.build_store(slot, obj).expect("store");
            objs.push(obj);
        }
        let handler = self.load_word(clo, 1);
        self.nil_check(handler);
        let code = self.load_word(handler, 0);
        let hty = self
            .ctx
            .void_type()
            .fn_type(&[ptr.into(), ptr.into(), ptr.into()], false);
        self.builder
            .build_indirect_call(hty, code, &[handler.into(), args.into(), results.into()], "")
            .expect("call");
        let mut vals = Vec::new();
        for (&r, obj) in sig.results.iter().zip(objs) {
            vals.push(self.load(r, obj, pos)?);
        }
        let ret = match vals.len() {
            0 => None,
            1 => Some(vals[0]),
            _ => {
                let ty = self.closure_fn_type(&sig, pos)?.get_return_type()?.into_struct_type();
                Some(self.aggregate(ty, &vals))
            }
        };
        self.ret_call(ret);
        self.leave_fn(outer);
        Some(w)
    }

    /// The method-expression code of method `name` of `t` (gc's tfn,
    /// reflect's Method.Func as a func value): `tfn(clo, recv, args...)`
    /// passes `recv` as an interface data word to the method's ifn.
    fn method_tfn(
        &mut self,
        t: TypeId,
        name: &str,
        sig: TypeId,
        ifn: inkwell::values::FunctionValue<'ctx>,
        pos: Pos,
    ) -> Option<inkwell::values::FunctionValue<'ctx>> {
        let msig = self.c.types.signature(sig)?.clone();
        let wname = format!("{}.{}·t", self.c.types.symbol_type_string(t), name);
        if let Some(f) = self.module.get_function(&wname) {
            return Some(f);
        }
        let mft = self.fn_type(&msig, Some(t), pos)?;
        let ptr = self.ptr_type();
        let ft = self.prepend_param(mft, ptr.into());
        let w = self.module.add_function(&wname, ft, Some(Linkage::Internal));
        self.go_fn_attrs(w, true);
        self.reflect_code_attrs(w);
        let local = self.is_local_type(t);
        self.share_global(w.as_global_value(), local);
        let outer = self.enter_fn(w, wname, msig.results.clone());
        let recv = w.get_nth_param(1).expect("recv");
        // The receiver as a data word: itself when pointer-shaped, a big
        // value's private copy, else a frame slot holding it.
        let data = if self.is_direct_iface(t) || self.is_big(t) {
            recv
        } else {
            let ty = self.llvm_type(t, pos)?;
            let slot = self.alloca(ty, "recv");
            self.builder.build_store(slot, recv).expect("store");
            slot.into()
        };
        let args: Vec<BasicValueEnum> = w.get_param_iter().skip(2).collect();
        let r = self.call_callee(super::call::Callee::Static(ifn, Some(data)), &msig, args, pos)?;
        self.ret_call(r);
        self.leave_fn(outer);
        Some(w)
    }

    fn field_desc_type(&self) -> inkwell::types::StructType<'ctx> {
        let st = self.string_type();
        let ptr = self.ptr_type();
        let i64t = self.ctx.i64_type();
        self.ctx.struct_type(
            &[st.into(), ptr.into(), i64t.into(), st.into(), i64t.into()],
            false,
        )
    }

    /// A private constant array global; null for no elements.
    fn desc_array(
        &mut self,
        ty: inkwell::types::StructType<'ctx>,
        elems: Vec<inkwell::values::StructValue<'ctx>>,
        what: &str,
    ) -> BasicValueEnum<'ctx> {
        if elems.is_empty() {
            return self.ptr_type().const_null().into();
        }
        let arr = ty.const_array(&elems);
        let g = self.module.add_global(arr.get_type(), None, what);
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_initializer(&arr);
        // A section of its own, so that the linker's --gc-sections drops
        // it with the descriptor that refers to it (in the module's one
        // .data.rel.ro, the method tables of every type of the package, and
        // all their methods' code, stayed whenever one was used).
        let sec = format!(".data.rel.ro.{}", g.get_name().to_string_lossy());
        g.set_section(Some(&sec));
        g.as_pointer_value().into()
    }

    /// Struct fields, interface methods, or func params+results.
    fn desc_fields(&mut self, t: TypeId, pos: Pos) -> (BasicValueEnum<'ctx>, u64, u64) {
        let fty = self.field_desc_type();
        let i64t = self.ctx.i64_type();
        let mut entries: Vec<(String, TypeId, u64, String, bool)> = Vec::new();
        let mut nin = 0u64;
        match self.c.types.under(t).clone() {
            Type::Struct(fields) => {
                let sty = self.llvm_type(t, pos).map(|x| x.into_struct_type());
                for (i, f) in fields.iter().enumerate() {
                    let off = sty
                        .and_then(|st| self.td.offset_of_element(&st, i as u32))
                        .unwrap_or(0);
                    entries.push((f.name.clone(), f.typ, off, f.tag.clone(), f.embedded));
                }
            }
            Type::Interface(methods) => {
                for m in &methods {
                    entries.push((m.name.clone(), m.sig, 0, String::new(), false));
                }
            }
            Type::Func(sig) => {
                for &p in &sig.params {
                    entries.push((String::new(), p, 0, String::new(), false));
                }
                for &r in &sig.results {
                    entries.push((String::new(), r, 0, String::new(), false));
                }
                nin = sig.params.len() as u64 | if sig.variadic { 1 << 63 } else { 0 };
            }
            _ => {}
        }
        let n = entries.len() as u64;
        // Structs and interfaces: nin = nfields, so that {fields, nfields,
        // nin} is a slice header of the entries (internal/abi's
        // StructType.Fields and InterfaceType.Methods view it as one).
        if matches!(self.c.types.under(t), Type::Struct(_) | Type::Interface(_)) {
            nin = n;
        }
        let mut vals = Vec::new();
        for (name, ft, off, tag, emb) in entries {
            let nv = self.string_const(name.as_bytes());
            let tv = self.type_desc(ft, pos).as_pointer_value();
            let tagv = self.string_const(tag.as_bytes());
            vals.push(fty.const_named_struct(&[
                nv,
                tv.into(),
                i64t.const_int(off, false).into(),
                tagv,
                i64t.const_int(emb as u64, false).into(),
            ]));
        }
        (self.desc_array(fty, vals, "go:fields"), n, nin)
    }

    /// The method set of `t` as (name, method func type), sorted by name.
    pub fn method_set(&self, t: TypeId) -> Vec<(String, TypeId)> {
        if self.c.types.is_interface(t) {
            return Vec::new();
        }
        let base = match self.c.types.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        // Candidate names: declared methods and everything reachable through
        // embedded fields.
        let mut names: Vec<String> = Vec::new();
        let mut todo = vec![base];
        let mut seen = std::collections::HashSet::new();
        while let Some(x) = todo.pop() {
            if !seen.insert(x) {
                continue;
            }
            if let Some(n) = self.c.types.named_info(x) {
                for &m in &n.methods {
                    names.push(self.c.objs.get(m).name.clone());
                }
            }
            match self.c.types.under(x) {
                Type::Struct(fields) => {
                    for f in fields.iter().filter(|f| f.embedded) {
                        todo.push(match self.c.types.get(f.typ) {
                            Type::Pointer(e) => *e,
                            _ => f.typ,
                        });
                    }
                }
                Type::Interface(ms) if x != base => names.extend(ms.iter().map(|m| m.name.clone())),
                _ => {}
            }
        }
        names.sort();
        names.dedup();
        let mut out = Vec::new();
        for name in names {
            if let rgoc_types::LookupResult::Method {
                obj,
                sig,
                indirect,
                iface_index,
                ..
            } = rgoc_types::lookup_field_or_method(&self.c.types, &self.c.objs, t, &name)
            {
                // Generic methods are not in the method set (go 1.27).
                let generic = iface_index.is_none() && !self.c.objs.get(obj).tparams.is_empty();
                let ok = !generic
                    && (iface_index.is_some()
                        || !self.c.objs.get(obj).ptr_recv
                        || indirect
                        || self.c.types.is_pointer(t));
                if ok {
                    out.push((name, sig));
                }
            }
        }
        out
    }

    fn desc_methods(&mut self, t: TypeId, pos: Pos) -> (BasicValueEnum<'ctx>, u64) {
        let named_or_ptr = self.c.types.is_named(t)
            || matches!(self.c.types.get(t), Type::Pointer(e) if self.c.types.is_named(*e));
        if !named_or_ptr {
            return (self.ptr_type().const_null().into(), 0);
        }
        let ms = self.method_set(t);
        let st = self.string_type();
        let ptr = self.ptr_type();
        let mty = self
            .ctx
            .struct_type(&[st.into(), ptr.into(), ptr.into(), ptr.into()], false);
        let mut vals = Vec::new();
        for (name, sig) in &ms {
            let Some(f) = self.method_ifn(t, name, pos) else {
                continue;
            };
            let nv = self.string_const(name.as_bytes());
            let sv = self.type_desc(*sig, pos).as_pointer_value();
            // The method expression's code only when the program has its
            // func type (func(T, params) results): otherwise no Go code can
            // hold Method.Func as a typed func value, and reflect calls it
            // through ifn.
            let has_expr_type = self.c.types.signature(*sig).cloned().is_some_and(|ms| {
                let mut params = vec![t];
                params.extend(ms.params.iter().copied());
                let et = rgoc_types::Signature { params, results: ms.results, variadic: ms.variadic };
                self.c.types.find(&Type::Func(et)).is_some()
            });
            let tfn = if has_expr_type { self.method_tfn(t, name, *sig, f, pos) } else { None };
            let tfn: BasicValueEnum = match tfn {
                Some(w) => w.as_global_value().as_pointer_value().into(),
                None => ptr.const_null().into(),
            };
            vals.push(mty.const_named_struct(&[
                nv,
                sv.into(),
                f.as_global_value().as_pointer_value().into(),
                tfn,
            ]));
        }
        let n = vals.len() as u64;
        (self.desc_array(mty, vals, "go:methods"), n)
    }

    /// Which 8-byte words of a value of type `t` hold pointers (for the
    /// garbage collector), appended to `words` from word `base`.
    fn pointer_words(&mut self, t: TypeId, base: u64, words: &mut Vec<bool>, pos: Pos) {
        let set = |words: &mut Vec<bool>, w: u64| {
            let w = w as usize;
            if words.len() <= w {
                words.resize(w + 1, false);
            }
            words[w] = true;
        };
        match self.c.types.under(t).clone() {
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => set(words, base),
            Type::Basic(k) if k == BasicKind::UnsafePointer => set(words, base),
            Type::Basic(k) if k.is_string() => set(words, base),
            Type::Slice(_) => set(words, base),
            Type::Interface(_) => {
                set(words, base);
                set(words, base + 1);
            }
            Type::Array(n, e) => {
                let es = self.size_of(e, pos);
                if es == 0 || self.desc_ptrdata(e, pos) == 0 {
                    return;
                }
                for i in 0..n {
                    self.pointer_words(e, base + i * es / 8, words, pos);
                }
            }
            Type::Struct(fields) => {
                let Some(sty) = self.llvm_type(t, pos).map(|x| x.into_struct_type()) else { return };
                for (i, f) in fields.iter().enumerate() {
                    let off = self.td.offset_of_element(&sty, i as u32).unwrap_or(0);
                    self.pointer_words(f.typ, base + off / 8, words, pos);
                }
            }
            _ => {}
        }
    }

    pub fn desc_has_pointers(&mut self, t: TypeId, pos: Pos) -> bool {
        self.desc_ptrdata(t, pos) > 0
    }

    fn desc_ptrdata(&mut self, t: TypeId, pos: Pos) -> u64 {
        let mut words = Vec::new();
        self.pointer_words(t, 0, &mut words, pos);
        words.iter().rposition(|b| *b).map(|w| (w as u64 + 1) * 8).unwrap_or(0)
    }

    /// `ptrdata` and the pointer bitmap (one bit per word of ptrdata, LSB
    /// first) of type `t`.
    fn desc_gcdata(&mut self, t: TypeId, pos: Pos) -> (u64, BasicValueEnum<'ctx>) {
        let mut words = Vec::new();
        self.pointer_words(t, 0, &mut words, pos);
        let Some(last) = words.iter().rposition(|b| *b) else {
            return (0, self.ptr_type().const_null().into());
        };
        let mut bytes = vec![0u8; last / 8 + 1];
        for (w, b) in words.iter().enumerate().take(last + 1) {
            if *b {
                bytes[w / 8] |= 1 << (w % 8);
            }
        }
        let arr = self.ctx.const_string(&bytes, false);
        let g = self.module.add_global(arr.get_type(), None, "go:gcdata");
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_initializer(&arr);
        ((last as u64 + 1) * 8, g.as_pointer_value().into())
    }
}
