//! Code generation: the checked AST to LLVM IR through inkwell, then the
//! LLVM optimisation pipeline and an object file.
//!
//! Invariants:
//! - no inkwell type leaves this module;
//! - every Go function carries the "split-stack" attribute unless it is
//!   `//go:nosplit`, so its prologue checks `%fs:0x70` and calls
//!   `__morestack`;
//! - every local variable lives in an entry-block alloca (mem2reg turns the
//!   non-escaping ones into registers);
//! - a construct this generator does not handle yet is reported as
//!   `rgoc: unsupported: ...` at its position, never miscompiled.

mod builtins;
mod call;
mod chan;
mod conversions;
mod debuginfo;
mod defer;
mod escape;
mod expr;
mod fpconv;
mod func;
mod iface;
mod intrinsic;
mod layout;
mod maps;
mod mem;
mod multibuiltin;
mod range;
mod rt;
mod typedesc;
mod walk;
mod wb;
mod xinline;

use std::collections::HashMap;
use std::path::Path;

use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetData, TargetMachine,
};
use inkwell::values::{FunctionValue, GlobalValue};
use inkwell::OptimizationLevel;
use rgoc_syntax::{ast, Diagnostic, Pos};
use rgoc_types::{Checked, ObjId, Type, TypeId};

pub struct Options {
    pub opt: bool,
    /// Keep address-taken locals that do not escape in their frames
    /// (escape.rs); `RGOC_ESCAPE=0` turns it off, for comparison.
    pub escape: bool,
    /// Inline small functions across packages (xinline.rs);
    /// `RGOC_XINLINE=0` turns it off, for comparison.
    pub inline_foreign: bool,
}

/// Which package of the checked program a compilation emits, and which
/// part of it.
pub struct Unit {
    /// Index into `Checked::packages`.
    pub package: usize,
    pub part: Part,
}

/// Instances of generic code are compiled with the main package (once per
/// program, so cached packages never hold them). Those that involve
/// nothing of the main package (`slices.Index[[]string]`, instances that
/// encoding/json's code needs) go to a module of their own, cached by
/// their symbols and the keys of the packages they come from: editing the
/// main package recompiles only its own code and the instances that
/// involve it (an encoding/json program's main module carried ~1,500
/// functions and took 2.3 s to compile after each edit).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// The package's own code; for the main package, also the instances
    /// that involve it, plus small shared ones `available_externally` for
    /// LLVM to inline.
    Package,
    /// Only the shared instances (`Unit::package` is the main package).
    SharedInstances,
}

/// Whether an instance involves nothing declared in the main package (the
/// last one): neither the generic code nor any type argument.
pub fn is_shared_instance(c: &Checked, inst: &rgoc_types::Instance) -> bool {
    let main = &c.packages[c.packages.len() - 1].path;
    let obj = c.objs.get(inst.obj);
    let origin_pkg = match obj.recv_base.and_then(|b| c.types.named_info(b)) {
        Some(n) => &n.pkg,
        None => &obj.pkg,
    };
    origin_pkg != main && !inst.targs.iter().any(|&t| c.types.any_named(t, &mut |n| (&n.pkg == main).then_some(true)))
}

/// The symbols of the program's shared instances, sorted: with the keys
/// of the packages, what the `SharedInstances` module's cache key covers.
pub fn shared_instance_symbols(c: &Checked) -> Vec<String> {
    let mut v: Vec<String> = c.instances.iter().filter(|i| is_shared_instance(c, i)).map(|i| instance_symbol(c, i)).collect();
    v.sort();
    v.dedup();
    v
}

/// The symbol of a function or method instance: gc's name with the type
/// arguments spelled out (`main.Map[int,string]`, `main.(*List[int]).Push`).
fn instance_symbol(c: &Checked, inst: &rgoc_types::Instance) -> String {
    let obj = c.objs.get(inst.obj);
    let types = &c.types;
    let args = |targs: &[TypeId]| targs.iter().map(|&t| types.symbol_type_string(t)).collect::<Vec<_>>().join(",");
    match obj.recv_base {
        Some(b) => {
            let n = types.named_info(b).expect("instance receiver is named");
            let base = if n.targs.is_empty() { n.name.clone() } else { format!("{}[{}]", n.name, args(&n.targs)) };
            // A generic method's own type arguments follow the
            // receiver's: `main.(*List[int]).Map[string]`.
            let own = inst.targs.get(n.targs.len()..).unwrap_or(&[]);
            let own = if own.is_empty() { String::new() } else { format!("[{}]", args(own)) };
            if obj.ptr_recv {
                format!("{}.(*{}).{}{}", n.pkg, base, obj.name, own)
            } else {
                format!("{}.{}.{}{}", n.pkg, base, obj.name, own)
            }
        }
        None => format!("{}.{}[{}]", obj.pkg, obj.name, args(&inst.targs)),
    }
}

pub(crate) struct Gen<'ctx, 'a> {
    pub ctx: &'ctx Context,
    pub module: Module<'ctx>,
    pub builder: Builder<'ctx>,
    pub td: TargetData,
    pub c: &'a Checked,
    /// The side tables of the code being generated: `c.info`, or an
    /// instance's own while its body is generated.
    pub info: &'a rgoc_types::Info,
    pub files: &'a [ast::File],
    pub funcs: HashMap<ObjId, FunctionValue<'ctx>>,
    pub globals: HashMap<ObjId, GlobalValue<'ctx>>,
    pub strings: HashMap<Vec<u8>, GlobalValue<'ctx>>,
    pub typedescs: HashMap<TypeId, GlobalValue<'ctx>>,
    /// Closure objects of descriptors' Equal (`go:eq.T`, key false) and
    /// map types' Hasher (`go:hash.K`, key true) func values.
    pub desc_closures: HashMap<(bool, TypeId), GlobalValue<'ctx>>,
    /// Static itabs by (concrete type, interface).
    pub itabs: HashMap<(TypeId, TypeId), GlobalValue<'ctx>>,
    /// Interface-call entry points by (type, method name).
    pub ifns: HashMap<(TypeId, String), FunctionValue<'ctx>>,
    pub diags: Vec<Diagnostic>,
    pub f: Option<func::FnState<'ctx>>,
    /// Operands a defer thunk captured, by expression node.
    pub presets: HashMap<rgoc_syntax::NodeId, func::Preset<'ctx>>,
    /// The package whose code this module holds (others are external).
    pub target: usize,
    /// Package-level type names (types that are not local to a function).
    pub pkg_types: std::collections::HashSet<ObjId>,
    pub local_cache: HashMap<TypeId, bool>,
    /// Whether a type holds pointers (wb.rs).
    pub ptr_cache: HashMap<TypeId, bool>,
    /// The last fresh-object scan (wb.rs): allocation call, last
    /// instruction looked at, and whether none could reach a safe point.
    pub fresh_scan: Option<(inkwell::values::InstructionValue<'ctx>, inkwell::values::InstructionValue<'ctx>, bool)>,
    /// Line tables for tracebacks (debuginfo.rs).
    pub dbg: Option<debuginfo::Dbg<'ctx>>,
    /// Address-taken local variables that stay in the frame (escape.rs).
    pub stack_vars: std::collections::HashSet<ObjId>,
    /// Give the module other packages' small functions (xinline.rs).
    pub inline_foreign: bool,
    /// What of the package the module holds.
    pub part: Part,
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    pub fn unsupported(&mut self, pos: Pos, what: &str) {
        let msg = format!("rgoc: unsupported: {}", what);
        if !self.diags.iter().any(|d| d.pos == pos && d.msg == msg) {
            self.diags.push(Diagnostic { pos, msg });
        }
    }
}

/// The gc symbol name of a function or method.
pub(crate) fn func_symbol(pkg: &str, fd: &ast::FuncDecl, index_of_init: Option<usize>) -> String {
    if let Some(r) = &fd.recv {
        let (ptr, base) = recv_base(&r.typ);
        if ptr {
            format!("{}.(*{}).{}", pkg, base, fd.name.name)
        } else {
            format!("{}.{}.{}", pkg, base, fd.name.name)
        }
    } else if let Some(i) = index_of_init {
        format!("{}.init.{}", pkg, i)
    } else {
        format!("{}.{}", pkg, fd.name.name)
    }
}

fn recv_base(e: &ast::Expr) -> (bool, String) {
    match &e.kind {
        ast::ExprKind::Paren(x) => recv_base(x),
        ast::ExprKind::Star(x) => (true, recv_base(x).1),
        ast::ExprKind::Ident(n) => (false, n.clone()),
        ast::ExprKind::Index { x, .. } => recv_base(x),
        _ => (false, "?".into()),
    }
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// Whether `o` is a method of a generic type (not of an instance).
    fn is_generic_method(&self, o: ObjId) -> bool {
        self.c.objs.get(o).recv_base.and_then(|b| self.c.types.named_info(b)).is_some_and(|n| !n.tparams.is_empty())
    }

    /// Declares every instance of a generic function or method (any
    /// package's code may call one) and returns those whose bodies this
    /// module generates: instances are compiled once per program, with the
    /// main package, so cached packages never hold them; the main
    /// package's module has those that involve it, the `SharedInstances`
    /// module the others (see `Part`). The second list: small shared
    /// instances whose bodies the main package's module carries
    /// `available_externally`, for LLVM to inline into its code.
    #[allow(clippy::type_complexity)] // (instance, its declaration, its function)
    fn declare_instances(&mut self) -> (Vec<(&'a rgoc_types::Instance, &'a ast::FuncDecl, FunctionValue<'ctx>)>, Vec<(&'a rgoc_types::Instance, &'a ast::FuncDecl, FunctionValue<'ctx>, usize)>) {
        let mut bodies = Vec::new();
        let mut inline = Vec::new();
        if self.c.instances.is_empty() {
            return (bodies, inline);
        }
        let mut decls: HashMap<rgoc_syntax::NodeId, &'a ast::FuncDecl> = HashMap::new();
        for f in self.files {
            for d in &f.decls {
                if let ast::Decl::Func(fd) = d {
                    decls.insert(fd.name.id, fd);
                }
            }
        }
        let is_main = self.target + 1 == self.c.packages.len();
        let outer_info = self.info;
        let c: &'a Checked = self.c;
        for inst in &c.instances {
            let Some(&fd) = decls.get(&inst.decl) else { continue };
            let sym = instance_symbol(self.c, inst);
            self.info = &inst.info;
            if let Some(f) = self.declare_func(inst.obj, fd, &sym) {
                self.funcs.insert(inst.obj, f);
                if is_main && fd.body.is_some() {
                    let shared = is_shared_instance(c, inst);
                    if shared == (self.part == Part::SharedInstances) {
                        bodies.push((inst, fd, f));
                    } else if self.part == Part::Package && self.inline_foreign && inline.len() < xinline::MAX_BODIES {
                        let pkg = &c.objs.get(inst.origin).pkg;
                        if let Some(size) = xinline::inlinable_body(c, &inst.info, fd, pkg) {
                            inline.push((inst, fd, f, size));
                        }
                    }
                }
            }
            self.info = outer_info;
        }
        (bodies, inline)
    }

    #[allow(clippy::type_complexity)] // as declare_instances returns them
    fn gen_instance_bodies(&mut self, bodies: Vec<(&'a rgoc_types::Instance, &'a ast::FuncDecl, FunctionValue<'ctx>)>, inline: Vec<(&'a rgoc_types::Instance, &'a ast::FuncDecl, FunctionValue<'ctx>, usize)>) {
        let outer_info = self.info;
        for (inst, fd, f) in bodies {
            self.info = &inst.info;
            self.gen_func(fd, f);
            self.info = outer_info;
        }
        for (inst, fd, f, size) in inline {
            self.info = &inst.info;
            self.gen_func(fd, f);
            self.info = outer_info;
            self.available_externally(f, size);
        }
    }

    /// Makes `f`, a body another module defines, a copy for LLVM to
    /// inline (always when at most `xinline::ALWAYS` nodes, else hinted)
    /// and then drop.
    fn available_externally(&self, f: FunctionValue<'ctx>, size: usize) {
        f.set_linkage(Linkage::AvailableExternally);
        let attr = if size <= xinline::ALWAYS { "alwaysinline" } else { "inlinehint" };
        let kind = inkwell::attributes::Attribute::get_named_enum_kind_id(attr);
        f.add_attribute(inkwell::attributes::AttributeLoc::Function, self.ctx.create_enum_attribute(kind, 0));
    }
}

/// Initialises LLVM's x86 target (once per process; safe to call again).
pub fn init_target() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| Target::initialize_x86(&InitializationConfig::default()));
}

/// Compiles one package of a checked program to an object file at `out`:
/// its functions, globals and init function; everything it uses from other
/// packages is external, and type descriptors, itabs and wrappers that any
/// package may emit are link-once (one copy per program after linking).
pub fn compile(
    files: &[ast::File],
    c: &Checked,
    unit: &Unit,
    out: &Path,
    opts: &Options,
) -> Result<(), Vec<Diagnostic>> {
    init_target();
    let triple = TargetMachine::get_default_triple();
    let target =
        Target::from_triple(&triple).map_err(|e| vec![internal(format!("LLVM target: {}", e))])?;
    let level = if opts.opt {
        OptimizationLevel::Default
    } else {
        OptimizationLevel::None
    };
    let tm = target
        .create_target_machine(
            &triple,
            "x86-64",
            "",
            level,
            RelocMode::PIC,
            CodeModel::Default,
        )
        .ok_or_else(|| vec![internal("cannot create LLVM target machine".into())])?;
    let ctx = Context::create();
    let module = ctx.create_module(&c.pkg_path);
    module.set_triple(&triple);
    module.set_data_layout(&tm.get_target_data().get_data_layout());
    let mut g = Gen {
        ctx: &ctx,
        module,
        builder: ctx.create_builder(),
        td: tm.get_target_data(),
        c,
        info: &c.info,
        files,
        funcs: HashMap::new(),
        globals: HashMap::new(),
        strings: HashMap::new(),
        typedescs: HashMap::new(),
        desc_closures: HashMap::new(),
        itabs: HashMap::new(),
        ifns: HashMap::new(),
        diags: Vec::new(),
        f: None,
        presets: HashMap::new(),
        target: unit.package,
        pkg_types: package_type_objects(files, c),
        local_cache: HashMap::new(),
        ptr_cache: HashMap::new(),
        fresh_scan: None,
        dbg: None,
        stack_vars: Default::default(),
        inline_foreign: opts.opt && opts.inline_foreign,
        part: unit.part,
    };
    let first = files.get(c.packages[unit.package].files.start);
    g.dbg = Some(debuginfo::Dbg::new(&g.module, first));
    // (The SharedInstances module has no bodies of the package's own.)
    if opts.escape && unit.part == Part::Package {
        let own = &files[c.packages[unit.package].files.clone()];
        let sv = escape::stack_vars(c, &c.info, own, &mut |t| {
            g.size_of(t, rgoc_syntax::Pos::default()) > escape::MAX_STACK_VAR
        });
        if std::env::var_os("RGOC_ESCAPE_DEBUG").is_some() {
            let mut v: Vec<_> = sv.iter().filter(|&&o| !escape::is_alloc_site(o)).map(|&o| c.objs.get(o)).map(|o| (o.pos, o.name.clone())).collect();
            v.sort_by_key(|(p, _)| *p);
            for (p, n) in v {
                eprintln!("escape: {}: {}:{}: {} stays in its frame", c.packages[unit.package].path, p.line, p.col, n);
            }
        }
        g.stack_vars = sv;
    }
    g.gen_package();
    g.dbg_finish();
    if !g.diags.is_empty() {
        let mut d = std::mem::take(&mut g.diags);
        d.sort_by_key(|d| d.pos);
        return Err(d);
    }
    if let Err(e) = g.module.verify() {
        if std::env::var_os("RGOC_DUMP_IR").is_some() {
            g.module.print_to_stderr();
        }
        return Err(vec![internal(format!(
            "LLVM module verification failed: {}",
            e.to_string()
        ))]);
    }
    // Nothing unwinds through Go frames the DWARF way (panics run deferred
    // calls and recover by abandoning frames; the Rust runtime is built
    // with panic=abort; tracebacks read rgoc's PC table): every function
    // is nounwind, so LLVM emits no .eh_frame entries for Go code (they
    // were a third of a hello world's read-only data).
    //
    // Every function defined here also gets a section of its own (what
    // clang's -ffunction-sections does; LLVM's C API has no such option),
    // so that the linker's --gc-sections drops the functions no one
    // reaches instead of keeping a package's code whole once one of its
    // functions is used.
    //
    // Functions start on 32-byte boundaries, as gc's do on amd64
    // (funcAlign): with LLVM's 16, a small hot function's speed depended
    // on where the link happened to put it (fib 35: 1.05x or 1.17x gc's
    // time for the same instructions 16 bytes apart, the branches of its
    // recursion sharing or straddling 32-byte decode windows).
    let nounwind = inkwell::attributes::Attribute::get_named_enum_kind_id("nounwind");
    for f in g.module.get_functions() {
        f.add_attribute(inkwell::attributes::AttributeLoc::Function, g.ctx.create_enum_attribute(nounwind, 0));
        let gv = f.as_global_value();
        if f.count_basic_blocks() > 0 && f.get_linkage() != Linkage::AvailableExternally {
            gv.set_alignment(32);
            if gv.get_section().is_none() {
                let name = gv.get_name().to_string_lossy().into_owned();
                gv.set_section(Some(&format!(".text.{name}")));
            }
        }
    }
    if std::env::var_os("RGOC_DUMP_IR").is_some() {
        g.module.print_to_stderr();
    }
    if opts.opt {
        g.module
            .run_passes("default<O2>", &tm, PassBuilderOptions::create())
            .map_err(|e| vec![internal(format!("LLVM optimisation: {}", e))])?;
    }
    tm.write_to_file(&g.module, FileType::Object, out)
        .map_err(|e| vec![internal(format!("LLVM object emission: {}", e))])?;
    Ok(())
}

/// The objects of package-level type declarations.
fn package_type_objects(files: &[ast::File], c: &Checked) -> std::collections::HashSet<ObjId> {
    let mut set = std::collections::HashSet::new();
    for f in files {
        for d in &f.decls {
            if let ast::Decl::Type(specs) = d {
                for ts in specs {
                    if let Some(&o) = c.info.defs.get(&ts.name.id) {
                        set.insert(o);
                    }
                }
            }
        }
    }
    set
}

fn internal(msg: String) -> Diagnostic {
    Diagnostic {
        pos: Pos::default(),
        msg: format!("rgoc: internal compiler error: {}", msg),
    }
}

impl<'ctx, 'a> Gen<'ctx, 'a> {
    /// Whether type `t` involves a type declared inside a function (such
    /// types are private to their package's module).
    pub fn is_local_type(&mut self, t: TypeId) -> bool {
        if let Some(&b) = self.local_cache.get(&t) {
            return b;
        }
        // A named type decides on its own (its type arguments are not
        // looked at).
        let (pkg_types, objs) = (&self.pkg_types, &self.c.objs);
        let r = self.c.types.any_named(t, &mut |n| Some(n.obj.is_some_and(|o| !pkg_types.contains(&o) && !objs.get(o).pkg.is_empty())));
        self.local_cache.insert(t, r);
        r
    }

    /// Link-once in a comdat of its own (emitted by any module that needs
    /// it, one copy after linking), or internal when `local`.
    pub fn share_global(&self, g: GlobalValue<'ctx>, local: bool) {
        if local {
            g.set_linkage(Linkage::Internal);
            return;
        }
        g.set_linkage(Linkage::LinkOnceODR);
        let name = g.get_name().to_string_lossy().into_owned();
        let cd = self.module.get_or_insert_comdat(&name);
        g.set_comdat(cd);
    }

    /// The garbage collector's roots for this package: a table of
    /// {global's address, type descriptor} for its globals that hold
    /// pointers, in the ELF section `rgo_roots` (the linker concatenates the
    /// tables of all packages; the runtime walks __start/__stop_rgo_roots).
    fn gen_roots(&mut self) -> Option<GlobalValue<'ctx>> {
        let globals: Vec<ObjId> = self.c.packages[self.target].globals.clone();
        let pt = self.ptr_type();
        let entry_ty = self.ctx.struct_type(&[pt.into(), pt.into()], false);
        let mut entries = Vec::new();
        for o in globals {
            let Some(g) = self.globals.get(&o).copied() else { continue };
            let (t, pos) = (self.c.objs.get(o).typ, self.c.objs.get(o).pos);
            let d = self.type_desc(t, pos);
            if self.desc_has_pointers(t, pos) {
                entries.push(entry_ty.const_named_struct(&[g.as_pointer_value().into(), d.as_pointer_value().into()]));
            }
        }
        if entries.is_empty() {
            return None;
        }
        let arr = entry_ty.const_array(&entries);
        Some(self.section_table(arr, "go:roots", "rgo_roots"))
    }

    /// A constant table `prefix.<package path>` in ELF section `section`
    /// (which the linker concatenates across packages).
    fn section_table(&mut self, arr: inkwell::values::ArrayValue<'ctx>, prefix: &str, section: &str) -> GlobalValue<'ctx> {
        let name = format!("{}.{}", prefix, self.c.packages[self.target].path);
        let g = self.module.add_global(arr.get_type(), None, &name);
        g.set_linkage(Linkage::Internal);
        g.set_constant(true);
        g.set_initializer(&arr);
        g.set_section(Some(section));
        g
    }

    /// reflect's typelinks (as gc's): the addresses of the descriptors of
    /// the unnamed types without methods this module emits or references,
    /// in the ELF section `rgo_typelinks` (the linker concatenates the
    /// tables; the runtime exports their bounds as `runtime.typelinks`).
    /// Through it reflect's SliceOf, MapOf, FuncOf and PointerTo find the
    /// program's own descriptor of a composite type. Named types and
    /// pointers to them stay out: the table keeps what it lists alive, and
    /// their method tables would keep every method's code (PointerTo(T)
    /// finds *T through T's `ptrto`).
    fn gen_typelinks(&mut self) -> Option<GlobalValue<'ctx>> {
        let pt = self.ptr_type();
        let mut descs: Vec<(String, GlobalValue<'ctx>)> = self
            .typedescs
            .iter()
            .filter(|(t, _)| {
                let named = |x: TypeId| self.c.types.is_named(x);
                !named(**t) && !matches!(self.c.types.get(**t), Type::Pointer(e) if named(*e))
            })
            .map(|(_, g)| (g.get_name().to_string_lossy().into_owned(), *g))
            .collect();
        if descs.is_empty() {
            return None;
        }
        descs.sort_by(|a, b| a.0.cmp(&b.0));
        let arr = pt.const_array(&descs.iter().map(|(_, g)| g.as_pointer_value()).collect::<Vec<_>>());
        Some(self.section_table(arr, "go:typelinks", "rgo_typelinks"))
    }

    /// Keeps the tables nothing references (`llvm.used`).
    fn keep_used(&mut self, gs: &[GlobalValue<'ctx>]) {
        if gs.is_empty() {
            return;
        }
        let pt = self.ptr_type();
        let used_ty = pt.array_type(gs.len() as u32);
        let used = self.module.add_global(used_ty, None, "llvm.used");
        used.set_linkage(Linkage::Appending);
        used.set_section(Some("llvm.metadata"));
        used.set_initializer(&pt.const_array(&gs.iter().map(|g| g.as_pointer_value()).collect::<Vec<_>>()));
    }

    fn gen_package(&mut self) {
        // The SharedInstances module defines none of the package's own
        // functions, variables or init.
        let own_code = self.part == Part::Package;
        // Globals of every package.
        let globals: Vec<(usize, ObjId)> = self
            .c
            .packages
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| p.globals.iter().map(move |o| (pi, *o)))
            .collect();
        // `//go:linkname local target` on a package-level variable names
        // its symbol `target` (math/bits' `overflowError` is the runtime's).
        // As gc's linker lets a variable with an initialiser win over
        // content-less ones of the same symbol, a linknamed variable
        // without an initialiser is a weak zero definition: the
        // package that defines the symbol for real (runtime's
        // `var overflowError = ...`) replaces it, and with no such
        // package it is a zero variable.
        let mut var_links: HashMap<(usize, &str), (&str, bool)> = HashMap::new();
        for (pi, p) in self.c.packages.iter().enumerate() {
            for f in &self.files[p.files.clone()] {
                for (local, target) in &f.linknames {
                    if target.is_empty() {
                        continue;
                    }
                    let has_init = f.decls.iter().any(|d| match d {
                        ast::Decl::Var(specs) => specs.iter().any(|sp| !sp.values.is_empty() && sp.names.iter().any(|n| &n.name == local)),
                        _ => false,
                    });
                    var_links.insert((pi, local.as_str()), (target.as_str(), has_init));
                }
            }
        }
        let linked: std::collections::HashSet<String> = var_links.values().map(|(t, _)| t.to_string()).collect();
        for (pi, o) in globals {
            let obj = self.c.objs.get(o);
            let Some(ty) = self.llvm_type(obj.typ, obj.pos) else {
                continue;
            };
            let link = var_links.get(&(pi, obj.name.as_str())).copied();
            let name = match link {
                Some((target, _)) => target.to_string(),
                None => format!("{}.{}", obj.pkg, obj.name),
            };
            // Only linked symbols are shared; other clashes (several `_`
            // variables) get distinct globals.
            let shared = link.is_some() || linked.contains(name.as_str());
            let gv = match self.module.get_global(&name).filter(|_| shared) {
                Some(g) if g.get_value_type() == inkwell::types::AnyType::as_any_type_enum(&ty) => g,
                Some(_) => {
                    self.unsupported(obj.pos, &format!("variables of different types linked to the symbol {name}"));
                    continue;
                }
                None => {
                    let g = self.module.add_global(ty, None, &name);
                    g.set_linkage(Linkage::External);
                    g
                }
            };
            if pi == self.target && own_code {
                gv.set_initializer(&ty.const_zero());
                if matches!(link, Some((_, false))) {
                    gv.set_linkage(Linkage::WeakAny);
                } else {
                    gv.set_linkage(Linkage::External);
                }
            }
            self.globals.insert(o, gv);
        }
        // Declare every function first (calls may precede definitions).
        let mut bodies: Vec<(&'a ast::FuncDecl, FunctionValue<'ctx>)> = Vec::new();
        let mut init_fns = Vec::new();
        let mut decls: HashMap<ObjId, (usize, &'a ast::FuncDecl)> = HashMap::new();
        for (pi, p) in self.c.packages.iter().enumerate() {
            let mut init_index = 0;
            for f in &self.files[p.files.clone()] {
                for d in &f.decls {
                    let ast::Decl::Func(fd) = d else { continue };
                    let Some(&o) = self.info.defs.get(&fd.name.id) else {
                        continue;
                    };
                    let is_init = fd.recv.is_none() && fd.name.name == "init";
                    let mut sym =
                        func_symbol(&p.path, fd, if is_init { Some(init_index) } else { None });
                    // `//go:linkname local target` on a body-less function
                    // binds it to the symbol `target` (the runtime's, or
                    // another package's); on a function with a body it
                    // defines `target` (gc's "push" form).
                    if let Some((local, target)) = &fd.pragmas.linkname {
                        if fd.recv.is_none() && local == &fd.name.name && !target.is_empty() {
                            sym = target.clone();
                        }
                    }
                    if is_init {
                        init_index += 1;
                    }
                    if fd.name.name == "_" {
                        continue;
                    }
                    if !fd.type_params.is_empty() || !self.c.objs.get(o).tparams.is_empty() || self.is_generic_method(o) {
                        // Generic code is compiled per instance (below).
                        continue;
                    }
                    let Some(fnv) = self.declare_func(o, fd, &sym) else {
                        continue;
                    };
                    if is_init {
                        init_fns.push((pi, fnv));
                    } else {
                        decls.insert(o, (pi, fd));
                    }
                    self.funcs.insert(o, fnv);
                    if fd.body.is_some() && pi == self.target && own_code {
                        bodies.push((fd, fnv));
                    }
                }
            }
        }
        let inst_bodies = self.declare_instances();
        let foreign = if self.inline_foreign {
            let own: Vec<&ast::FuncDecl> = bodies.iter().map(|(fd, _)| *fd).collect();
            xinline::foreign_bodies(self.c, &decls, &own, self.target)
        } else {
            Vec::new()
        };
        for (fd, fnv) in bodies {
            self.gen_func(fd, fnv);
        }
        // Other packages' small functions, for LLVM to inline (xinline.rs).
        for (o, fd, size) in foreign {
            let fnv = self.funcs[&o];
            if fnv.count_basic_blocks() == 0 {
                self.gen_func(fd, fnv);
                self.available_externally(fnv, size);
            }
        }
        let (inst_bodies, inst_inline) = inst_bodies;
        self.gen_instance_bodies(inst_bodies, inst_inline);
        let roots = if own_code {
            let roots = self.gen_roots();
            let deps: Vec<String> = self.c.packages[..self.target].iter().map(|p| p.path.clone()).collect();
            let own: Vec<FunctionValue<'ctx>> = init_fns.iter().filter(|(pi, _)| *pi == self.target).map(|(_, f)| *f).collect();
            // The main package's init runs the other packages' inits
            // first, in dependency order.
            let is_main = self.target + 1 == self.c.packages.len();
            self.gen_init(if is_main { &deps } else { &[] }, &own);
            roots
        } else {
            None
        };
        let links = self.gen_typelinks();
        let used: Vec<GlobalValue<'ctx>> = roots.into_iter().chain(links).collect();
        self.keep_used(&used);
    }
}
