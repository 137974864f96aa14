//! PC -> function, file, line (gc's symtab.go), from the table the compiler
//! put in the executable's non-loaded section `.rgo_pclntab` (format:
//! compiler/src/driver/pclntab.rs).
//!
//! The section is read by mapping `/proc/self/exe` read-only on the first
//! lookup (open, fstat, mmap: no allocation, a few hundred bytes of
//! stack, safe in fault paths); the mapping is kept for the life of the
//! process. Without the section (or /proc) every lookup fails and
//! tracebacks print no frames.
//!
//! Lookups binary-search the function table (sorted by entry), then decode
//! the function's line rows (varint deltas) linearly; inlined frames come
//! from the function's inline ranges (innermost range = innermost frame).

use core::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

const MAGIC: &[u8; 8] = b"RGOPCLN1";
const FUNC_SIZE: usize = 32;
/// The function is a compiler wrapper (its own frame is never shown).
pub const FLAG_WRAPPER: u16 = 1;

static STATE: AtomicU32 = AtomicU32::new(0); // 0 unloaded, 1 loading, 2 ready, 3 none
static TAB: AtomicUsize = AtomicUsize::new(0);
static TAB_LEN: AtomicUsize = AtomicUsize::new(0);

fn u16_at(t: &[u8], o: usize) -> u16 {
    u16::from_le_bytes([t[o], t[o + 1]])
}
fn u32_at(t: &[u8], o: usize) -> u32 {
    u32::from_le_bytes([t[o], t[o + 1], t[o + 2], t[o + 3]])
}
fn u64_at(t: &[u8], o: usize) -> u64 {
    u32_at(t, o) as u64 | (u32_at(t, o + 4) as u64) << 32
}

/// Maps the executable and finds the table (None when there is none).
fn load() -> Option<(usize, usize)> {
    // SAFETY: plain system calls on a path and a descriptor we own; the
    // mapping is read-only and never unmapped, so slices into it live for
    // the process.
    unsafe {
        let fd = libc::open(c"/proc/self/exe".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
        if fd < 0 {
            return None;
        }
        let mut st: libc::stat = core::mem::zeroed();
        if libc::fstat(fd, &mut st) != 0 || st.st_size < 64 {
            libc::close(fd);
            return None;
        }
        let size = st.st_size as usize;
        let p = libc::mmap(core::ptr::null_mut(), size, libc::PROT_READ, libc::MAP_PRIVATE, fd, 0);
        libc::close(fd);
        if p == libc::MAP_FAILED {
            return None;
        }
        let f = core::slice::from_raw_parts(p as *const u8, size);
        if &f[..4] != b"\x7fELF" {
            return None;
        }
        let shoff = u64_at(f, 0x28) as usize;
        let shentsize = u16_at(f, 0x3a) as usize;
        let shnum = u16_at(f, 0x3c) as usize;
        let shstrndx = u16_at(f, 0x3e) as usize;
        if shoff == 0 || shstrndx >= shnum || shoff + shnum * shentsize > size {
            return None;
        }
        let sh = |i: usize| shoff + i * shentsize;
        let strtab = u64_at(f, sh(shstrndx) + 24) as usize;
        for i in 0..shnum {
            let name = strtab + u32_at(f, sh(i)) as usize;
            let want = b".rgo_pclntab\0";
            if name + want.len() > size || &f[name..name + want.len()] != want {
                continue;
            }
            let off = u64_at(f, sh(i) + 24) as usize;
            let len = u64_at(f, sh(i) + 32) as usize;
            if off + len > size || len < 24 || &f[off..off + 8] != MAGIC {
                return None;
            }
            return Some((p as usize + off, len));
        }
        None
    }
}

fn table() -> Option<&'static [u8]> {
    loop {
        match STATE.load(Ordering::Acquire) {
            2 => {
                let (p, n) = (TAB.load(Ordering::Relaxed), TAB_LEN.load(Ordering::Relaxed));
                // SAFETY: published by the loader: a live read-only mapping.
                return Some(unsafe { core::slice::from_raw_parts(p as *const u8, n) });
            }
            3 => return None,
            0 => {
                if STATE.compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                    match load() {
                        Some((p, n)) => {
                            TAB.store(p, Ordering::Relaxed);
                            TAB_LEN.store(n, Ordering::Relaxed);
                            STATE.store(2, Ordering::Release);
                        }
                        None => STATE.store(3, Ordering::Release),
                    }
                }
            }
            _ => core::hint::spin_loop(),
        }
    }
}

/// A function of the table (gc's funcInfo).
#[derive(Clone, Copy)]
pub struct Func {
    pub entry: u64,
    pub size: u32,
    name: u32,
    pub nparams: u16,
    pub flags: u16,
    lines: u32,
    inl: u32,
    ninl: u32,
}

fn hdr(t: &[u8]) -> (usize, usize, usize, usize) {
    (
        u32_at(t, 8) as usize,
        u32_at(t, 12) as usize,
        u32_at(t, 16) as usize,
        u32_at(t, 20) as usize,
    )
}

fn func_at(t: &[u8], functab: usize, i: usize) -> Func {
    let o = functab + i * FUNC_SIZE;
    Func {
        entry: u64_at(t, o),
        size: u32_at(t, o + 8),
        name: u32_at(t, o + 12),
        nparams: u16_at(t, o + 16),
        flags: u16_at(t, o + 18),
        lines: u32_at(t, o + 20),
        inl: u32_at(t, o + 24),
        ninl: u32_at(t, o + 28),
    }
}

/// The NUL-terminated string at `off` of the string table.
fn string(t: &'static [u8], off: u32) -> &'static [u8] {
    let (_, _, strtab, data) = hdr(t);
    let start = strtab + off as usize;
    if start >= data {
        return b"?";
    }
    let n = t[start..data].iter().position(|&c| c == 0).unwrap_or(0);
    &t[start..start + n]
}

/// gc's findfunc: the function whose code holds `pc`.
pub fn findfunc(pc: u64) -> Option<Func> {
    let t = table()?;
    let (nfunc, functab, _, _) = hdr(t);
    let (mut lo, mut hi) = (0usize, nfunc);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if func_at(t, functab, mid).entry <= pc {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == 0 {
        return None;
    }
    let f = func_at(t, functab, lo - 1);
    (pc < f.entry + f.size as u64).then_some(f)
}

pub fn funcname(f: &Func) -> &'static [u8] {
    match table() {
        Some(t) => string(t, f.name),
        None => b"?",
    }
}

fn uvarint(t: &[u8], o: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    while *o < t.len() {
        let b = t[*o];
        *o += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    v
}

/// gc's funcline: the innermost file and line of `pc` in `f`.
pub fn funcline(f: &Func, pc: u64) -> (&'static [u8], u32) {
    let Some(t) = table() else { return (b"?", 0) };
    let (_, _, _, data) = hdr(t);
    let mut o = data + f.lines as usize;
    let n = uvarint(t, &mut o);
    let (mut at, mut line) = (f.entry, 0i64);
    let (mut file_res, mut line_res) = (u32::MAX, 0u32);
    for _ in 0..n {
        at += uvarint(t, &mut o);
        let file = uvarint(t, &mut o) as u32;
        let z = uvarint(t, &mut o);
        line += ((z >> 1) as i64) ^ -((z & 1) as i64);
        if at > pc {
            break;
        }
        file_res = file;
        line_res = line as u32;
    }
    if file_res == u32::MAX {
        return (b"?", 0);
    }
    (string(t, file_res), line_res)
}

/// One logical frame at a PC: the function (an inlined one or the physical
/// one) and the position in it.
#[derive(Clone, Copy)]
pub struct Frame {
    pub name: &'static [u8],
    pub file: &'static [u8],
    pub line: u32,
    /// Not the physical function: printed `name(...)` without offset.
    pub inlined: bool,
}

pub const MAX_INLINE: usize = 16;

/// The logical frames at `pc` (inside the call instruction for return
/// addresses), innermost first; returns how many were written.
pub fn frames_at(f: &Func, pc: u64, out: &mut [Frame; MAX_INLINE]) -> usize {
    let Some(t) = table() else { return 0 };
    let (_, _, _, data) = hdr(t);
    let (file, line) = funcline(f, pc);
    let off = pc.wrapping_sub(f.entry) as u32;
    // Inline ranges holding pc, one per depth (they nest).
    let mut by_depth = [u32::MAX; MAX_INLINE];
    let mut maxd = 0usize;
    for i in 0..f.ninl as usize {
        let o = data + f.inl as usize + i * 24;
        let (lo, hi, depth) = (u32_at(t, o), u32_at(t, o + 4), u32_at(t, o + 8) as usize);
        if lo <= off && off < hi && depth >= 1 && depth < MAX_INLINE {
            by_depth[depth] = o as u32;
            maxd = maxd.max(depth);
        }
    }
    // Depths 1..=maxd must all be present; stop at the first gap.
    let mut k = 0;
    while k < maxd && by_depth[k + 1] != u32::MAX {
        k += 1;
    }
    let mut n = 0;
    let (mut cur_file, mut cur_line) = (file, line);
    let mut d = k;
    while d >= 1 && n < MAX_INLINE - 1 {
        let o = by_depth[d] as usize;
        out[n] = Frame { name: string(t, u32_at(t, o + 12)), file: cur_file, line: cur_line, inlined: true };
        n += 1;
        cur_file = string(t, u32_at(t, o + 16));
        cur_line = u32_at(t, o + 20);
        d -= 1;
    }
    out[n] = Frame { name: string(t, f.name), file: cur_file, line: cur_line, inlined: false };
    n + 1
}
