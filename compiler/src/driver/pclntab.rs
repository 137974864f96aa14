//! The runtime's PC table (issue 13), gc's pclntab in spirit: after linking,
//! the DWARF that codegen emitted (debuginfo.rs) is read back from the
//! executable and turned into a compact table, which replaces the debug
//! sections (`objcopy --strip-debug --add-section .rgo_pclntab=...`). The
//! runtime maps its own executable and reads the section
//! (runtime/src/symtab.rs), without allocating.
//!
//! Only compile units produced by rgoc are read (the Rust runtime and libc
//! keep their frames anonymous: tracebacks hide runtime frames as gc does).
//!
//! Layout (little endian; offsets from the start of the section):
//!
//! ```text
//! header:  "RGOPCLN1", nfunc u32, functab u32, strtab u32, data u32
//! functab: nfunc x { entry u64, size u32, name u32 (strtab), nparams u16,
//!          flags u16 (1 = wrapper), lines u32 (data), inl u32 (data), ninl u32 }
//!          sorted by entry
//! lines:   count uvarint, then count x { pc delta uvarint, file uvarint
//!          (strtab), line svarint delta }: each row holds from its pc to the
//!          next row's
//! inl:     ninl x { lo u32, hi u32 (pc offsets), depth u32 (1 = inlined into
//!          the function itself), name u32, call_file u32, call_line u32 }
//! strtab:  NUL-terminated strings
//! ```

use std::collections::HashMap;
use std::path::Path;

use gimli::{AttributeValue, EndianSlice, RunTimeEndian};
use object::{Object, ObjectSection};

pub const MAGIC: &[u8; 8] = b"RGOPCLN1";
pub const FLAG_WRAPPER: u16 = 1;

struct Inl {
    lo: u64,
    hi: u64,
    depth: u32,
    origin: Option<gimli::UnitOffset>,
    call_file: u64,
    call_line: u32,
}

struct Func {
    entry: u64,
    end: u64,
    name: String,
    nparams: u16,
    flags: u16,
    /// (address, file string, line)
    rows: Vec<(u64, u32, u32)>,
    /// lo, hi, depth, name string, call file string, call line
    inl: Vec<(u32, u32, u32, u32, u32, u32)>,
}

#[derive(Default)]
struct Strings {
    buf: Vec<u8>,
    index: HashMap<String, u32>,
}

impl Strings {
    fn add(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.buf.len() as u32;
        self.buf.extend_from_slice(s.as_bytes());
        self.buf.push(0);
        self.index.insert(s.to_string(), i);
        i
    }
}

/// gc's funcNameForPrint: the type arguments of an instance print as
/// `[...]` (`main.Map[...]`, `main.(*List[...]).Push`).
fn name_for_print(name: &str) -> String {
    match (name.find('['), name.rfind(']')) {
        (Some(i), Some(j)) if j > i => format!("{}[...]{}", &name[..i], &name[j + 1..]),
        _ => name.to_string(),
    }
}

fn uvarint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn svarint(out: &mut Vec<u8>, v: i64) {
    uvarint(out, ((v << 1) ^ (v >> 63)) as u64);
}

type R<'d> = EndianSlice<'d, RunTimeEndian>;

fn attr_str<'d>(dwarf: &gimli::Dwarf<R<'d>>, unit: &gimli::Unit<R<'d>>, v: AttributeValue<R<'d>>) -> Option<String> {
    dwarf
        .attr_string(unit, v)
        .ok()
        .map(|s| s.to_string_lossy().into_owned())
}

/// The table for the executable at `exe` (None when it has no rgoc code).
pub fn build(exe: &Path) -> Result<Vec<u8>, String> {
    let data = std::fs::read(exe).map_err(|e| format!("reading {}: {e}", exe.display()))?;
    let obj = object::File::parse(&*data).map_err(|e| format!("parsing {}: {e}", exe.display()))?;
    let endian = RunTimeEndian::Little;
    let load = |id: gimli::SectionId| -> Result<R<'_>, gimli::Error> {
        let d = obj
            .section_by_name(id.name())
            .and_then(|s| s.data().ok())
            .unwrap_or(&[]);
        Ok(EndianSlice::new(d, endian))
    };
    let dwarf = gimli::Dwarf::load(load).map_err(|e| format!("DWARF: {e}"))?;
    let mut strings = Strings::default();
    let mut funcs: Vec<Func> = Vec::new();
    let mut units = dwarf.units();
    let err = |e: gimli::Error| format!("DWARF: {e}");
    while let Some(header) = units.next().map_err(err)? {
        let unit = dwarf.unit(header).map_err(err)?;
        {
            let mut entries = unit.entries();
            let Some((_, root)) = entries.next_dfs().map_err(err)? else { continue };
            let producer = root
                .attr_value(gimli::DW_AT_producer)
                .map_err(err)?
                .and_then(|v| attr_str(&dwarf, &unit, v));
            if producer.as_deref() != Some("rgoc") {
                continue;
            }
        }
        // File names of the line program.
        let mut files: HashMap<u64, u32> = HashMap::new();
        let mut file_name = |idx: u64, strings: &mut Strings| -> u32 {
            if let Some(&s) = files.get(&idx) {
                return s;
            }
            let mut name = String::from("?");
            if let Some(lp) = &unit.line_program {
                let h = lp.header();
                if let Some(f) = h.file(idx) {
                    let base = attr_str(&dwarf, &unit, f.path_name()).unwrap_or_default();
                    let dir = f
                        .directory(h)
                        .and_then(|d| attr_str(&dwarf, &unit, d))
                        .unwrap_or_default();
                    name = if base.starts_with('/') || dir.is_empty() {
                        base
                    } else {
                        format!("{dir}/{base}")
                    };
                }
            }
            let s = strings.add(&name);
            files.insert(idx, s);
            s
        };
        // Line rows of the unit, by address.
        let mut rows: Vec<(u64, u32, u32)> = Vec::new();
        if let Some(lp) = unit.line_program.clone() {
            let mut it = lp.rows();
            while let Some((_, row)) = it.next_row().map_err(err)? {
                if row.end_sequence() {
                    rows.push((row.address(), u32::MAX, 0));
                    continue;
                }
                let line = row.line().map(|l| l.get() as u32).unwrap_or(0);
                let f = file_name(row.file_index(), &mut strings);
                rows.push((row.address(), f, line));
            }
        }
        rows.sort_by_key(|r| r.0);
        // Subprogram names by DIE offset (for abstract origins).
        let mut names: HashMap<gimli::UnitOffset, String> = HashMap::new();
        {
            let mut entries = unit.entries();
            while let Some((_, e)) = entries.next_dfs().map_err(err)? {
                if e.tag() == gimli::DW_TAG_subprogram {
                    if let Some(n) = e.attr_value(gimli::DW_AT_name).map_err(err)?.and_then(|v| attr_str(&dwarf, &unit, v)) {
                        names.insert(e.offset(), n);
                    }
                }
            }
        }
        let name_of = |e: &gimli::DebuggingInformationEntry<R<'_>>| -> Option<String> {
            if let Some(n) = e.attr_value(gimli::DW_AT_name).ok()?.and_then(|v| attr_str(&dwarf, &unit, v)) {
                return Some(n);
            }
            match e.attr_value(gimli::DW_AT_abstract_origin).ok()? {
                Some(AttributeValue::UnitRef(o)) => names.get(&o).cloned(),
                _ => None,
            }
        };
        // Concrete subprograms and their inlined subroutines.
        let mut entries = unit.entries();
        let mut depth: isize = 0;
        // (func, die depth of the subprogram, inlined stack of die depths, inl list)
        let mut cur: Option<(Func, isize, Vec<isize>, Vec<Inl>)> = None;
        let finish = |c: Option<(Func, isize, Vec<isize>, Vec<Inl>)>, strings: &mut Strings, funcs: &mut Vec<Func>, file_name: &mut dyn FnMut(u64, &mut Strings) -> u32| {
            let Some((mut f, _, _, inls)) = c else { return };
            for i in inls {
                let name = i.origin.and_then(|o| names.get(&o).cloned()).unwrap_or_else(|| "?".into());
                let n = strings.add(&name_for_print(&name));
                let cf = file_name(i.call_file, strings);
                f.inl.push(((i.lo - f.entry) as u32, (i.hi - f.entry) as u32, i.depth, n, cf, i.call_line));
            }
            funcs.push(f);
        };
        while let Some((delta, e)) = entries.next_dfs().map_err(err)? {
            depth += delta;
            if let Some((_, sd, _, _)) = &cur {
                if depth <= *sd {
                    finish(cur.take(), &mut strings, &mut funcs, &mut file_name);
                }
            }
            match e.tag() {
                gimli::DW_TAG_subprogram => {
                    let low = match e.attr_value(gimli::DW_AT_low_pc).map_err(err)? {
                        Some(AttributeValue::Addr(a)) => a,
                        _ => continue,
                    };
                    let high = match e.attr_value(gimli::DW_AT_high_pc).map_err(err)? {
                        Some(AttributeValue::Addr(a)) => a,
                        Some(AttributeValue::Udata(n)) => low + n,
                        _ => continue,
                    };
                    if low == 0 {
                        continue; // discarded by the linker (a duplicate link-once copy)
                    }
                    let name = name_of(e).unwrap_or_else(|| "?".into());
                    let artificial = matches!(e.attr_value(gimli::DW_AT_artificial).map_err(err)?, Some(AttributeValue::Flag(true)));
                    let f = Func {
                        entry: low,
                        end: high,
                        name,
                        nparams: 0,
                        flags: if artificial { FLAG_WRAPPER } else { 0 },
                        rows: Vec::new(),
                        inl: Vec::new(),
                    };
                    cur = Some((f, depth, Vec::new(), Vec::new()));
                }
                gimli::DW_TAG_formal_parameter => {
                    if let Some((f, sd, _, _)) = &mut cur {
                        if depth == *sd + 1 {
                            f.nparams += 1;
                        }
                    }
                }
                gimli::DW_TAG_inlined_subroutine => {
                    let Some((f, _, stack, inls)) = &mut cur else { continue };
                    while stack.last().is_some_and(|&d| d >= depth) {
                        stack.pop();
                    }
                    stack.push(depth);
                    let origin = match e.attr_value(gimli::DW_AT_abstract_origin).map_err(err)? {
                        Some(AttributeValue::UnitRef(o)) => Some(o),
                        _ => None,
                    };
                    let call_file = match e.attr_value(gimli::DW_AT_call_file).map_err(err)? {
                        Some(AttributeValue::FileIndex(i)) | Some(AttributeValue::Udata(i)) => i,
                        _ => 0,
                    };
                    let call_line = e.attr_value(gimli::DW_AT_call_line).map_err(err)?.and_then(|v| v.udata_value()).unwrap_or(0) as u32;
                    let mut ranges = dwarf.die_ranges(&unit, e).map_err(err)?;
                    while let Some(r) = ranges.next().map_err(err)? {
                        if r.begin >= f.entry && r.end <= f.end && r.begin < r.end {
                            inls.push(Inl { lo: r.begin, hi: r.end, depth: stack.len() as u32, origin, call_file, call_line });
                        }
                    }
                }
                _ => {}
            }
        }
        finish(cur.take(), &mut strings, &mut funcs, &mut file_name);
        // Rows of each function of this unit.
        for f in funcs.iter_mut().filter(|f| f.rows.is_empty()) {
            let start = rows.partition_point(|r| r.0 <= f.entry);
            // The rows inside the function (LLVM starts each function with
            // a row at its entry, the declaration's line).
            let start = if start > 0 && rows[start - 1].0 == f.entry { start - 1 } else { start };
            let mut last: Option<(u32, u32)> = None;
            for r in &rows[start..] {
                if r.0 >= f.end {
                    break;
                }
                if r.1 == u32::MAX || r.2 == 0 || last == Some((r.1, r.2)) {
                    continue;
                }
                f.rows.push(*r);
                last = Some((r.1, r.2));
            }
            if f.rows.is_empty() {
                f.rows.push((f.entry, strings.add("?"), 0));
            }
        }
    }
    funcs.sort_by_key(|f| f.entry);
    funcs.dedup_by_key(|f| f.entry);
    Ok(encode(&funcs, strings))
}

fn encode(funcs: &[Func], mut strings: Strings) -> Vec<u8> {
    let mut names = Vec::with_capacity(funcs.len());
    for f in funcs {
        names.push(strings.add(&name_for_print(&f.name)));
    }
    let mut data = Vec::new();
    let mut tab = Vec::with_capacity(funcs.len() * 32);
    for (f, name) in funcs.iter().zip(names) {
        let lines = data.len() as u32;
        uvarint(&mut data, f.rows.len() as u64);
        let (mut pc, mut line) = (f.entry, 0i64);
        for &(a, file, l) in &f.rows {
            uvarint(&mut data, a - pc);
            uvarint(&mut data, file as u64);
            svarint(&mut data, l as i64 - line);
            pc = a;
            line = l as i64;
        }
        let inl = data.len() as u32;
        for &(lo, hi, depth, n, cf, cl) in &f.inl {
            for w in [lo, hi, depth, n, cf, cl] {
                data.extend_from_slice(&w.to_le_bytes());
            }
        }
        tab.extend_from_slice(&f.entry.to_le_bytes());
        tab.extend_from_slice(&((f.end - f.entry) as u32).to_le_bytes());
        tab.extend_from_slice(&name.to_le_bytes());
        tab.extend_from_slice(&f.nparams.to_le_bytes());
        tab.extend_from_slice(&f.flags.to_le_bytes());
        tab.extend_from_slice(&lines.to_le_bytes());
        tab.extend_from_slice(&inl.to_le_bytes());
        tab.extend_from_slice(&(f.inl.len() as u32).to_le_bytes());
    }
    let hdr = 8 + 4 * 4;
    let functab = hdr;
    let strtab = functab + tab.len();
    let datao = strtab + strings.buf.len();
    let mut out = Vec::with_capacity(datao + data.len());
    out.extend_from_slice(MAGIC);
    for w in [funcs.len(), functab, strtab, datao] {
        out.extend_from_slice(&(w as u32).to_le_bytes());
    }
    out.extend_from_slice(&tab);
    out.extend_from_slice(&strings.buf);
    out.extend_from_slice(&data);
    out
}

/// Replaces the debug sections of the linked executable `exe` by its PC
/// table.
pub fn embed(exe: &Path) -> Result<(), String> {
    let table = build(exe)?;
    let tmp = exe.with_extension("pclntab");
    std::fs::write(&tmp, &table).map_err(|e| format!("writing {}: {e}", tmp.display()))?;
    let out = std::process::Command::new("objcopy")
        .arg("--strip-debug")
        .arg("--add-section")
        .arg(format!(".rgo_pclntab={}", tmp.display()))
        .arg(exe)
        .output();
    let _ = std::fs::remove_file(&tmp);
    match out {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(format!("objcopy failed: {}", String::from_utf8_lossy(&o.stderr))),
        Err(e) => Err(format!("cannot run objcopy: {e}")),
    }
}
