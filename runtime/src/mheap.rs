//! The page heap (gc's mheap.go, mfixalloc.go, mbitmap.go and the
//! scavenger, in their simplest form).
//!
//! Mechanism: one contiguous *arena* of `ARENA_SIZE` bytes of address space
//! is reserved with PROT_NONE at start-up (at gc's hint 0xc000000000 when
//! the kernel agrees) and committed from the bottom in `COMMIT_CHUNK` steps
//! (mprotect to read/write: pages cost memory only once touched). The arena
//! is cut into 8 KiB pages; a run of pages is an [`MSpan`], either free
//! (on a free list) or in use (holding the objects of one size class, or
//! one large object).
//!
//! Side tables, parallel to the arena and reserved with MAP_NORESERVE (so
//! only the parts for the used heap are ever touched):
//! - the *page table* `spans`: for every page of an in-use span, its span;
//!   for a free span, at least its first and last page (for coalescing).
//!   Entries may be stale (pointing to a span struct since reused): readers
//!   check the span's state and range;
//! - the *pointer bitmap*: one bit per heap word, set when the word may hold
//!   a pointer. Written by `mallocgc` for objects in small scannable spans
//!   (from the type's `gcdata`, or all ones for untyped allocations); large
//!   objects keep their type in their span instead.
//!
//! Span structs and other metadata come from [`FixAlloc`] / [`persistent_alloc`]
//! (bump allocation over mmap, outside the GC heap, never returned).
//!
//! Free spans sit on `free[n]` (exactly n pages, n < 128) or `free_large`,
//! are coalesced with free neighbours when freed, and carry `scavenged`
//! (their memory was returned to the OS with MADV_DONTNEED, so it reads as
//! zeros and is not resident) and `needzero` (it held objects once).
//!
//! Invariants:
//! - one thread: the heap is touched only by the running goroutine or by the
//!   collector while the world is stopped (gc's mheap_.lock comes with M:N);
//! - in-use spans are exactly those in `allspans`;
//! - `spans[p]` is the span of page p for every page of an in-use span;
//! - free spans never touch each other (they are merged when freed).

use crate::slice::{CLASS_TO_NPAGES, CLASS_TO_SIZE, MAX_SMALL_SIZE, NUM_SIZE_CLASSES};
use crate::types::Type;
use core::ptr::null_mut;

pub const PAGE_SHIFT: usize = 13;
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;

/// Reserved address space for the heap (the largest heap a program can have).
pub const ARENA_SIZE: usize = 64 << 30;
/// The heap is committed in steps of this many bytes.
const COMMIT_CHUNK: usize = 4 << 20;
/// gc's arena hint on linux/amd64.
const ARENA_HINT: usize = 0xc0_0000_0000;
const ARENA_PAGES: usize = ARENA_SIZE >> PAGE_SHIFT;
/// Free spans of at least this many pages go on `free_large`.
const MAX_FREE_LIST: usize = 128;
/// Most objects a span can hold (8-byte objects in a one-page span).
pub const MAX_OBJS_PER_SPAN: usize = PAGE_SIZE / 8;
const BITS_WORDS: usize = MAX_OBJS_PER_SPAN / 64;

/// A span class: size class << 1 | noscan (gc's spanClass).
pub const NUM_SPAN_CLASSES: usize = NUM_SIZE_CLASSES * 2;

pub const SPAN_FREE: u8 = 0;
pub const SPAN_INUSE: u8 = 1;
/// A span record merged into another and returned to `spanalloc`. Stale
/// page-table entries may still point to it: the state keeps them from
/// matching anything until the record is reused.
pub const SPAN_DEAD: u8 = 2;

/// A run of pages (gc's mspan).
#[repr(C)]
pub struct MSpan {
    /// Links on a free list or an mcentral list.
    pub next: *mut MSpan,
    pub prev: *mut MSpan,
    pub start: usize,
    pub npages: usize,
    pub state: u8,
    /// size class << 1 | noscan; class 0 = one large object.
    pub spanclass: u8,
    /// Free span: its pages were returned to the OS.
    pub scavenged: bool,
    /// The memory may be non-zero (it held objects since it was mapped or
    /// scavenged).
    pub needzero: bool,
    pub elemsize: usize,
    pub nelems: usize,
    /// gc's divMul: object index = (offset * div_mul) >> 32.
    pub div_mul: u32,
    /// Every object below `freeindex` is allocated; at and above it, the
    /// allocated ones have their bit in `alloc_bits` (gc's scheme).
    pub freeindex: usize,
    /// Objects allocated in the span (as of the last sweep plus since).
    pub alloc_count: usize,
    pub alloc_bits: [u64; BITS_WORDS],
    /// Set by the collector for reachable objects; becomes `alloc_bits` when
    /// the span is swept.
    pub mark_bits: [u64; BITS_WORDS],
    /// Large objects: the allocation's type (null: scan conservatively) and
    /// requested size.
    pub largetype: *const Type,
    pub largesize: usize,
}

impl MSpan {
    pub fn sizeclass(&self) -> usize {
        (self.spanclass >> 1) as usize
    }
    pub fn noscan(&self) -> bool {
        self.spanclass & 1 != 0
    }
    pub fn limit(&self) -> usize {
        self.start + (self.npages << PAGE_SHIFT)
    }
    /// Index of the object containing `p` (which lies in the span).
    #[inline]
    pub fn obj_index(&self, p: usize) -> usize {
        if self.nelems == 1 {
            0
        } else {
            (((p - self.start) as u64 * self.div_mul as u64) >> 32) as usize
        }
    }
    #[inline]
    pub fn is_allocated(&self, i: usize) -> bool {
        i < self.freeindex || self.alloc_bits[i / 64] & (1 << (i % 64)) != 0
    }
    /// Mark bit word `w`, shared with concurrent markers.
    #[inline]
    fn mark_word(&self, w: usize) -> &core::sync::atomic::AtomicU64 {
        // SAFETY: an aligned u64 of the span record, only accessed
        // atomically while markers may run (sweeping has the span alone).
        unsafe { core::sync::atomic::AtomicU64::from_ptr(self.mark_bits.as_ptr().add(w) as *mut u64) }
    }
    #[inline]
    pub fn is_marked(&self, i: usize) -> bool {
        self.mark_word(i / 64).load(core::sync::atomic::Ordering::Relaxed) & (1 << (i % 64)) != 0
    }
    /// Set object `i`'s mark bit; true when it was already set.
    #[inline]
    pub fn test_and_set_mark(&self, i: usize) -> bool {
        let w = self.mark_word(i / 64);
        let bit = 1u64 << (i % 64);
        if w.load(core::sync::atomic::Ordering::Relaxed) & bit != 0 {
            return true;
        }
        w.fetch_or(bit, core::sync::atomic::Ordering::Relaxed) & bit != 0
    }
    /// gc's nextFreeFast/nextFreeIndex: the next free object, if any.
    #[inline]
    pub fn next_free(&mut self) -> Option<usize> {
        while self.freeindex < self.nelems {
            let (w, b) = (self.freeindex / 64, self.freeindex % 64);
            let free = !self.alloc_bits[w] >> b;
            if free == 0 {
                self.freeindex = (w + 1) * 64;
                continue;
            }
            let i = self.freeindex + free.trailing_zeros() as usize;
            if i >= self.nelems {
                self.freeindex = self.nelems;
                return None;
            }
            self.freeindex = i + 1;
            self.alloc_count += 1;
            return Some(self.start + i * self.elemsize);
        }
        None
    }
}

// --- metadata allocation (gc's persistentalloc and fixalloc) -------------

/// mmap fresh zeroed read/write memory; fatal on failure.
pub fn sys_alloc(size: usize, noreserve: bool) -> *mut u8 {
    let flags =
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | if noreserve { libc::MAP_NORESERVE } else { 0 };
    // SAFETY: anonymous mapping, no hint; checked below.
    let p = unsafe {
        libc::mmap(
            null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            flags,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        crate::print::write_err(b"runtime: cannot allocate memory\n");
        crate::panic::throw_str(b"out of memory");
    }
    p as *mut u8
}

const PERSISTENT_CHUNK: usize = 256 << 10;

/// Bump allocator for runtime metadata that lives forever (gc's
/// persistentalloc). Returns zeroed memory.
pub struct Persistent {
    next: usize,
    end: usize,
    /// Bytes mapped for metadata (MemStats' OtherSys/MSpanSys).
    pub sys: usize,
}

impl Persistent {
    pub const fn new() -> Persistent {
        Persistent {
            next: 0,
            end: 0,
            sys: 0,
        }
    }
    pub fn alloc(&mut self, size: usize, align: usize) -> *mut u8 {
        let mut p = (self.next + align - 1) & !(align - 1);
        if p + size > self.end || self.next == 0 {
            let n = size.max(PERSISTENT_CHUNK).next_multiple_of(4096);
            let base = sys_alloc(n, false) as usize;
            self.sys += n;
            self.next = base;
            self.end = base + n;
            p = base;
        }
        self.next = p + size;
        p as *mut u8
    }
}

/// Free-list allocator of fixed-size metadata records (gc's fixalloc).
pub struct FixAlloc {
    free: *mut FreeLink,
    pub inuse: usize,
}

struct FreeLink {
    next: *mut FreeLink,
}

impl FixAlloc {
    pub const fn new() -> FixAlloc {
        FixAlloc {
            free: null_mut(),
            inuse: 0,
        }
    }
    /// A zeroed record of `size` bytes.
    pub fn alloc(&mut self, pa: &mut Persistent, size: usize) -> *mut u8 {
        self.inuse += size;
        if !self.free.is_null() {
            let p = self.free;
            // SAFETY: free records are unused records of `size` bytes.
            unsafe {
                self.free = (*p).next;
                core::ptr::write_bytes(p as *mut u8, 0, size);
            }
            return p as *mut u8;
        }
        pa.alloc(size, 16)
    }
    pub(crate) fn free(&mut self, p: *mut u8, size: usize) {
        self.inuse -= size;
        let l = p as *mut FreeLink;
        // SAFETY: p is a record of this allocator no longer in use.
        unsafe { (*l).next = self.free };
        self.free = l;
    }
}

// --- span lists --------------------------------------------------------------

/// A doubly-linked list of spans (gc's mSpanList).
#[derive(Clone, Copy)]
pub struct SpanList {
    pub first: *mut MSpan,
}

impl SpanList {
    pub const fn new() -> SpanList {
        SpanList { first: null_mut() }
    }
    pub(crate) fn push(&mut self, s: *mut MSpan) {
        // SAFETY: s is a live span on no list; first (if any) is live.
        unsafe {
            (*s).prev = null_mut();
            (*s).next = self.first;
            if !self.first.is_null() {
                (*self.first).prev = s;
            }
        }
        self.first = s;
    }
    pub(crate) fn remove(&mut self, s: *mut MSpan) {
        // SAFETY: s is on this list; its neighbours are live.
        unsafe {
            if (*s).prev.is_null() {
                self.first = (*s).next;
            } else {
                (*(*s).prev).next = (*s).next;
            }
            if !(*s).next.is_null() {
                (*(*s).next).prev = (*s).prev;
            }
            (*s).next = null_mut();
            (*s).prev = null_mut();
        }
    }
    pub fn pop(&mut self) -> Option<*mut MSpan> {
        let s = self.first;
        if s.is_null() {
            return None;
        }
        self.remove(s);
        Some(s)
    }
}

// --- the heap ------------------------------------------------------------------

/// Per-class constants (gc's class_to_size, class_to_allocnpages, divMul).
#[derive(Clone, Copy)]
pub struct ClassInfo {
    pub size: usize,
    pub npages: usize,
    pub nelems: usize,
    pub div_mul: u32,
}

pub struct MHeap {
    pub arena_base: usize,
    /// End of the committed part of the arena.
    pub arena_used: usize,
    pub arena_end: usize,
    /// Page table: ARENA_PAGES entries.
    pub spans: *mut *mut MSpan,
    /// Pointer bitmap: one bit per arena word.
    pub bitmap: *mut u64,
    pub free: [SpanList; MAX_FREE_LIST],
    pub free_large: SpanList,
    /// Every in-use span.
    pub allspans: Vec<*mut MSpan>,
    pub persistent: Persistent,
    pub spanalloc: FixAlloc,
    pub classes: [ClassInfo; NUM_SIZE_CLASSES],
    /// Size class of each 8-byte-rounded small size: class_of[(n+7)/8].
    pub class_of: [u8; MAX_SMALL_SIZE / 8 + 1],
    /// Bytes in in-use spans.
    pub pages_inuse: usize,
    /// Bytes of free spans returned to the OS.
    pub released: usize,
    /// Bytes of side tables touched so far (estimate for MemStats.GCSys).
    pub table_sys: usize,
}

pub const fn class_info() -> [ClassInfo; NUM_SIZE_CLASSES] {
    let mut t = [ClassInfo {
        size: 0,
        npages: 0,
        nelems: 0,
        div_mul: 0,
    }; NUM_SIZE_CLASSES];
    let mut c = 1;
    while c < NUM_SIZE_CLASSES {
        let size = CLASS_TO_SIZE[c] as usize;
        let npages = CLASS_TO_NPAGES[c] as usize;
        t[c] = ClassInfo {
            size,
            npages,
            nelems: (npages << PAGE_SHIFT) / size,
            div_mul: (u32::MAX / size as u32).wrapping_add(1),
        };
        c += 1;
    }
    t
}

const fn class_of_table() -> [u8; MAX_SMALL_SIZE / 8 + 1] {
    let mut t = [0u8; MAX_SMALL_SIZE / 8 + 1];
    let mut c = 1;
    let mut i = 0;
    while i < t.len() {
        while (CLASS_TO_SIZE[c] as usize) < i * 8 {
            c += 1;
        }
        t[i] = c as u8;
        i += 1;
    }
    t
}

pub static CLASS_OF: [u8; MAX_SMALL_SIZE / 8 + 1] = class_of_table();

impl MHeap {
    pub const fn new() -> MHeap {
        MHeap {
            arena_base: 0,
            arena_used: 0,
            arena_end: 0,
            spans: null_mut(),
            bitmap: null_mut(),
            free: [SpanList::new(); MAX_FREE_LIST],
            free_large: SpanList::new(),
            allspans: Vec::new(),
            persistent: Persistent::new(),
            spanalloc: FixAlloc::new(),
            classes: class_info(),
            class_of: class_of_table(),
            pages_inuse: 0,
            released: 0,
            table_sys: 0,
        }
    }

    /// Reserve the arena and map the side tables.
    pub fn init(&mut self) {
        if self.arena_base != 0 {
            return;
        }
        // SAFETY: a PROT_NONE reservation with a hint; checked below.
        let mut p = unsafe {
            libc::mmap(
                ARENA_HINT as *mut libc::c_void,
                ARENA_SIZE,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            crate::panic::throw_str(b"runtime: cannot reserve arena virtual address space");
        }
        // Keep the mapping page-aligned to PAGE_SIZE (8 KiB).
        if !(p as usize).is_multiple_of(PAGE_SIZE) {
            // SAFETY: unmap and retry with one page of slack.
            unsafe { libc::munmap(p, ARENA_SIZE) };
            // SAFETY: as above.
            p = unsafe {
                libc::mmap(
                    null_mut(),
                    ARENA_SIZE + PAGE_SIZE,
                    libc::PROT_NONE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                    -1,
                    0,
                )
            };
            if p == libc::MAP_FAILED {
                crate::panic::throw_str(b"runtime: cannot reserve arena virtual address space");
            }
            p = ((p as usize + PAGE_SIZE - 1) & !(PAGE_SIZE - 1)) as *mut libc::c_void;
        }
        self.arena_base = p as usize;
        self.arena_used = self.arena_base;
        self.arena_end = self.arena_base + ARENA_SIZE;
        self.spans = sys_alloc(ARENA_PAGES * 8, true) as *mut *mut MSpan;
        self.bitmap = sys_alloc(ARENA_SIZE / 64, true) as *mut u64;
        self.allspans.reserve(1024);
    }

    /// Bytes of the arena committed so far (gc's HeapSys).
    pub fn heap_sys(&self) -> usize {
        self.arena_used - self.arena_base
    }

    #[inline]
    pub fn in_arena(&self, p: usize) -> bool {
        p.wrapping_sub(self.arena_base) < self.arena_used - self.arena_base
    }

    #[inline]
    fn page_index(&self, p: usize) -> usize {
        (p - self.arena_base) >> PAGE_SHIFT
    }

    #[inline]
    pub fn span_of_page(&self, p: usize) -> *mut MSpan {
        // SAFETY: callers pass arena addresses; the table covers the arena.
        unsafe { *self.spans.add(self.page_index(p)) }
    }

    fn set_spans(&mut self, s: *mut MSpan, all_pages: bool) {
        // SAFETY: s is a live span inside the committed arena.
        let (start, n) = unsafe { ((*s).start, (*s).npages) };
        let first = self.page_index(start);
        // SAFETY: page indices of the span are inside the table.
        unsafe {
            if all_pages {
                for i in 0..n {
                    *self.spans.add(first + i) = s;
                }
            } else {
                *self.spans.add(first) = s;
                *self.spans.add(first + n - 1) = s;
            }
        }
    }

    /// The in-use span containing `p`, if `p` points into one.
    #[inline]
    pub fn span_of(&self, p: usize) -> Option<&'static mut MSpan> {
        if !self.in_arena(p) {
            return None;
        }
        let s = self.span_of_page(p);
        if s.is_null() {
            return None;
        }
        // SAFETY: page table entries point to span records (possibly stale,
        // hence the state and range checks); records are never unmapped.
        let s = unsafe { &mut *s };
        if s.state != SPAN_INUSE || p < s.start || p >= s.limit() {
            return None;
        }
        Some(s)
    }

    fn new_span_struct(&mut self) -> *mut MSpan {
        self.spanalloc
            .alloc(&mut self.persistent, core::mem::size_of::<MSpan>()) as *mut MSpan
    }

    fn list_for(&mut self, npages: usize) -> &mut SpanList {
        if npages < MAX_FREE_LIST {
            &mut self.free[npages]
        } else {
            &mut self.free_large
        }
    }

    /// Whether a free span of at least `npages` pages exists.
    pub fn has_free(&self, npages: usize) -> bool {
        if (npages..MAX_FREE_LIST).any(|n| !self.free[n].first.is_null()) {
            return true;
        }
        let mut s = self.free_large.first;
        while !s.is_null() {
            // SAFETY: spans on the list are live.
            unsafe {
                if (*s).npages >= npages {
                    return true;
                }
                s = (*s).next;
            }
        }
        false
    }

    /// Find a free span of at least `npages` pages and take it off its list.
    fn take_free(&mut self, npages: usize) -> Option<*mut MSpan> {
        for n in npages..MAX_FREE_LIST {
            if let Some(s) = self.free[n].pop() {
                return Some(s);
            }
        }
        // Best fit among the large ones.
        let mut best: *mut MSpan = null_mut();
        let mut s = self.free_large.first;
        while !s.is_null() {
            // SAFETY: spans on the list are live.
            unsafe {
                if (*s).npages >= npages && (best.is_null() || (*s).npages < (*best).npages) {
                    best = s;
                }
                s = (*s).next;
            }
        }
        if best.is_null() {
            return None;
        }
        self.free_large.remove(best);
        Some(best)
    }

    /// Commit at least `npages` more pages at the end of the arena and put
    /// them on the free lists.
    fn grow(&mut self, npages: usize) {
        let need = (npages << PAGE_SHIFT).next_multiple_of(COMMIT_CHUNK);
        if self.arena_used + need > self.arena_end {
            crate::print::write_err(b"runtime: out of memory: cannot allocate heap\n");
            crate::panic::throw_str(b"out of memory");
        }
        let base = self.arena_used;
        // SAFETY: [base, base+need) is inside our PROT_NONE reservation.
        let r = unsafe {
            libc::mprotect(
                base as *mut libc::c_void,
                need,
                libc::PROT_READ | libc::PROT_WRITE,
            )
        };
        if r != 0 {
            crate::print::write_err(b"runtime: out of memory: cannot commit heap\n");
            crate::panic::throw_str(b"out of memory");
        }
        self.arena_used += need;
        self.table_sys += need / PAGE_SIZE * 8 + need / 64;
        let s = self.new_span_struct();
        // SAFETY: a fresh zeroed record.
        unsafe {
            (*s).start = base;
            (*s).npages = need >> PAGE_SHIFT;
            (*s).state = SPAN_FREE;
        }
        self.free_span_locked(s);
    }

    /// Allocate a span of `npages` pages for span class `spc` (gc's
    /// mheap.alloc). Returns it initialised, in use, and in `allspans`.
    pub fn alloc_span(&mut self, npages: usize, spc: u8) -> *mut MSpan {
        let s = match self.take_free(npages) {
            Some(s) => s,
            None => {
                self.grow(npages);
                self.take_free(npages).expect("grown heap has a free span")
            }
        };
        // SAFETY: s is a free span just taken off its list.
        let sp = unsafe { &mut *s };
        // In use before the tail is freed, so the tail does not merge back.
        sp.state = SPAN_INUSE;
        if sp.npages > npages {
            // Split: the tail stays free.
            let t = self.new_span_struct();
            // SAFETY: fresh record.
            unsafe {
                (*t).start = sp.start + (npages << PAGE_SHIFT);
                (*t).npages = sp.npages - npages;
                (*t).state = SPAN_FREE;
                (*t).scavenged = sp.scavenged;
                (*t).needzero = sp.needzero;
            }
            sp.npages = npages;
            self.free_span_locked(t);
        }
        if sp.scavenged {
            self.released -= npages << PAGE_SHIFT;
            sp.scavenged = false;
        }
        sp.spanclass = spc;
        let class = (spc >> 1) as usize;
        if class == 0 {
            sp.elemsize = npages << PAGE_SHIFT;
            sp.nelems = 1;
            sp.div_mul = 0;
        } else {
            let ci = self.classes[class];
            sp.elemsize = ci.size;
            sp.nelems = ci.nelems;
            sp.div_mul = ci.div_mul;
        }
        sp.freeindex = 0;
        sp.alloc_count = 0;
        sp.alloc_bits = [0; BITS_WORDS];
        sp.mark_bits = [0; BITS_WORDS];
        sp.largetype = core::ptr::null();
        sp.largesize = 0;
        self.set_spans(s, true);
        self.pages_inuse += npages << PAGE_SHIFT;
        self.allspans.push(s);
        s
    }

    /// Return an in-use span's pages to the free lists (the caller removes
    /// it from `allspans`).
    pub(crate) fn free_span(&mut self, s: *mut MSpan) {
        // SAFETY: s is an in-use span being freed by its owner.
        let sp = unsafe { &mut *s };
        self.pages_inuse -= sp.npages << PAGE_SHIFT;
        sp.state = SPAN_FREE;
        sp.needzero = true;
        sp.scavenged = false;
        self.free_span_locked(s);
    }

    /// Coalesce the free span `s` with free neighbours and list it.
    fn free_span_locked(&mut self, mut s: *mut MSpan) {
        // SAFETY: s and the neighbours found through the page table are
        // live records; free neighbours are on their lists.
        unsafe {
            let start = (*s).start;
            if start > self.arena_base {
                let t = self.span_of_page(start - 1);
                if !t.is_null() && (*t).state == SPAN_FREE && (*t).limit() == start {
                    let tn = (*t).npages;
                    self.list_for(tn).remove(t);
                    self.merge_flags(t, s);
                    (*t).npages += (*s).npages;
                    (*s).state = SPAN_DEAD;
                    self.spanalloc
                        .free(s as *mut u8, core::mem::size_of::<MSpan>());
                    s = t;
                }
            }
            let end = (*s).limit();
            if end < self.arena_used {
                let t = self.span_of_page(end);
                if !t.is_null() && (*t).state == SPAN_FREE && (*t).start == end {
                    let tn = (*t).npages;
                    self.list_for(tn).remove(t);
                    self.merge_flags(s, t);
                    (*s).npages += tn;
                    (*t).state = SPAN_DEAD;
                    self.spanalloc
                        .free(t as *mut u8, core::mem::size_of::<MSpan>());
                }
            }
            self.set_spans(s, false);
            let n = (*s).npages;
            self.list_for(n).push(s);
        }
    }

    /// Flags of the union of free spans `a` (kept) and `b`.
    unsafe fn merge_flags(&mut self, a: *mut MSpan, b: *mut MSpan) {
        // SAFETY: both are live free spans (caller).
        unsafe {
            if (*a).scavenged != (*b).scavenged {
                // The union counts as not released (the scavenger may
                // release it again later).
                let r = if (*a).scavenged {
                    (*a).npages
                } else {
                    (*b).npages
                };
                self.released -= r << PAGE_SHIFT;
                (*a).scavenged = false;
                (*a).needzero = true;
            }
            (*a).needzero |= (*b).needzero;
        }
    }

    /// Return free memory to the OS until at most `retain` bytes of the
    /// heap stay resident (gc's scavenger, run synchronously after a
    /// collection and by debug.FreeOSMemory). Returns the bytes released.
    pub fn scavenge(&mut self, retain: usize) -> usize {
        let mut released = 0;
        let mut lists: Vec<*mut SpanList> = Vec::with_capacity(MAX_FREE_LIST + 1);
        lists.push(&mut self.free_large);
        for n in (1..MAX_FREE_LIST).rev() {
            lists.push(&mut self.free[n]);
        }
        for l in lists {
            // SAFETY: l points at one of our lists; spans on it are live.
            let mut s = unsafe { (*l).first };
            while !s.is_null() {
                if self.heap_sys() - self.released <= retain {
                    return released;
                }
                // SAFETY: s is a live free span.
                unsafe {
                    if !(*s).scavenged {
                        let bytes = (*s).npages << PAGE_SHIFT;
                        libc::madvise((*s).start as *mut libc::c_void, bytes, libc::MADV_DONTNEED);
                        (*s).scavenged = true;
                        (*s).needzero = false;
                        self.released += bytes;
                        released += bytes;
                    }
                    s = (*s).next;
                }
            }
        }
        released
    }

    // --- pointer bitmap ----------------------------------------------------

    #[inline]
    fn word_index(&self, p: usize) -> usize {
        (p - self.arena_base) / 8
    }

    /// Whether heap word `p` may hold a pointer.
    #[inline]
    pub fn is_pointer_word(&self, p: usize) -> bool {
        let w = self.word_index(p);
        // SAFETY: the bitmap covers the arena.
        unsafe { *self.bitmap.add(w / 64) & (1 << (w % 64)) != 0 }
    }

    /// Bitmap word holding the bits of heap words [p, p+64*8) from `p`'s
    /// bit on (only the low bits that exist in that bitmap word).
    #[inline]
    pub fn bitmap_word(&self, w: usize) -> u64 {
        // SAFETY: the bitmap covers the arena.
        unsafe { *self.bitmap.add(w) }
    }

    #[inline]
    pub fn word_bit_index(&self, p: usize) -> usize {
        self.word_index(p)
    }

    /// Set or clear `n` bits from bit `w`.
    fn bits_fill(&mut self, mut w: usize, mut n: usize, ones: bool) {
        while n > 0 {
            let b = w % 64;
            let k = (64 - b).min(n);
            let mask = if k == 64 { !0 } else { ((1u64 << k) - 1) << b };
            // SAFETY: the bitmap covers the arena.
            unsafe {
                let q = self.bitmap.add(w / 64);
                if ones {
                    *q |= mask;
                } else {
                    *q &= !mask;
                }
            }
            w += k;
            n -= k;
        }
    }

    #[inline]
    fn bit_set(&mut self, w: usize) {
        // SAFETY: the bitmap covers the arena.
        unsafe { *self.bitmap.add(w / 64) |= 1 << (w % 64) };
    }

    /// set_type_bits' fast case, inlined into mallocgc: one element in at
    /// most 64 words, its pointer words as one mask written into the (at
    /// most two) bitmap words it spans. False when it does not apply.
    #[inline(always)]
    pub(crate) fn set_type_bits_small(&mut self, p: usize, elemsize: usize, t: &Type, size: usize) -> bool {
        let n = elemsize / 8;
        if n > 64 || size != t.size || t.gcdata.is_null() || t.ptrdata == 0 {
            return false;
        }
        let pw = t.ptrdata / 8;
        // SAFETY: gcdata holds ceil(pw/8) bytes.
        let mut mask = unsafe { *t.gcdata } as u64;
        for k in 1..pw.div_ceil(8) {
            // SAFETY: as above.
            mask |= (unsafe { *t.gcdata.add(k) } as u64) << (8 * k);
        }
        if pw < 64 {
            mask &= (1u64 << pw) - 1;
        }
        let keep = if n == 64 { !0 } else { (1u64 << n) - 1 };
        let w0 = self.word_index(p);
        let b = w0 % 64;
        // SAFETY: the bitmap covers the arena; the object's words are
        // inside it.
        unsafe {
            let q = self.bitmap.add(w0 / 64);
            *q = (*q & !(keep << b)) | (mask << b);
            if b + n > 64 {
                let q1 = q.add(1);
                *q1 = (*q1 & !(keep >> (64 - b))) | (mask >> (64 - b));
            }
        }
        true
    }

    /// Record the pointer words of a fresh object of `elemsize` bytes at
    /// `p`, allocated for `size` bytes of `typ` (repeated: an array of
    /// `size / typ.size` elements) or, with a null `typ`, untyped (every
    /// word may be a pointer). gc's heapSetType.
    pub(crate) fn set_type_bits(
        &mut self,
        p: usize,
        elemsize: usize,
        typ: *const Type,
        size: usize,
    ) {
        let w0 = self.word_index(p);
        let n = elemsize / 8;
        if typ.is_null() {
            self.bits_fill(w0, n, true);
            return;
        }
        // SAFETY: typ is a valid descriptor (mallocgc's contract).
        if unsafe { self.set_type_bits_small(p, elemsize, &*typ, size) } {
            return;
        }
        // SAFETY: typ is a valid descriptor (mallocgc's contract).
        let t = unsafe { &*typ };
        if t.size == 8 && t.ptrdata == 8 {
            // A pointer-sized pointer element: []*T, *[n]unsafe.Pointer, ...
            self.bits_fill(w0, size.div_ceil(8).min(n), true);
            self.bits_fill(
                w0 + size.div_ceil(8).min(n),
                n - size.div_ceil(8).min(n),
                false,
            );
            return;
        }
        self.bits_fill(w0, n, false);
        if t.size == 0 || t.ptrdata == 0 || t.gcdata.is_null() {
            if t.ptrdata != 0 {
                // Pointers but no bitmap: be conservative.
                self.bits_fill(w0, n, true);
            }
            return;
        }
        let tw = t.size / 8;
        let pw = t.ptrdata / 8;
        let nelem = size.div_ceil(t.size);
        for e in 0..nelem {
            let base = e * tw;
            for j in 0..pw {
                // SAFETY: gcdata has ceil(pw/8) bytes.
                let byte = unsafe { *t.gcdata.add(j / 8) };
                if byte >> (j % 8) & 1 != 0 && base + j < n {
                    self.bit_set(w0 + base + j);
                }
            }
        }
    }
}

/// Size class of a small allocation of `size` (1..=MAX_SMALL_SIZE) bytes.
#[inline]
pub fn size_to_class(size: usize) -> usize {
    CLASS_OF[size.div_ceil(8)] as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_matches_gc_roundup() {
        // Every small size maps to the smallest class that holds it.
        for size in 1..=MAX_SMALL_SIZE {
            let c = size_to_class(size);
            assert!(CLASS_TO_SIZE[c] as usize >= size, "size {size}");
            assert!(
                CLASS_TO_SIZE[c - 1] as usize <= size - 1 || c == 1,
                "size {size}"
            );
            assert_eq!(
                crate::slice::roundupsize(size, true),
                CLASS_TO_SIZE[c] as usize,
                "size {size}"
            );
        }
    }

    #[test]
    fn class_info_objects_fit_span_bitmaps() {
        let ci = class_info();
        for c in 1..NUM_SIZE_CLASSES {
            assert!(
                ci[c].nelems >= 1 && ci[c].nelems <= MAX_OBJS_PER_SPAN,
                "class {c}"
            );
            // divMul computes offset / size exactly for every object start
            // and interior offset in the span.
            for off in [
                0,
                1,
                ci[c].size - 1,
                ci[c].size,
                (ci[c].nelems - 1) * ci[c].size + 7,
            ] {
                let want = off / ci[c].size;
                let got = ((off as u64 * ci[c].div_mul as u64) >> 32) as usize;
                assert_eq!(got, want, "class {c} off {off}");
            }
        }
        assert_eq!(ci[1].nelems, 1024);
        assert_eq!(ci[67].size, 32768);
    }

    #[test]
    fn spans_split_and_coalesce() {
        let mut h = MHeap::new();
        h.init();
        let a = h.alloc_span(1, 2);
        let b = h.alloc_span(3, 0);
        let c = h.alloc_span(1, 2);
        // SAFETY: spans just allocated.
        unsafe {
            assert_eq!((*b).start, (*a).limit());
            assert_eq!((*c).start, (*b).limit());
            assert_eq!((*a).nelems, 1024);
            assert_eq!((*b).nelems, 1);
            assert_eq!((*b).elemsize, 3 * PAGE_SIZE);
            assert!(h.span_of((*b).start + 5 * 4096).is_some());
            assert!(h.span_of((*c).limit()).is_none());
        }
        assert_eq!(h.pages_inuse, 5 * PAGE_SIZE);
        // Free the middle and first: they merge into a 4-page free span that
        // a 4-page allocation reuses exactly.
        h.allspans.clear();
        h.free_span(b);
        h.free_span(a);
        assert_eq!(h.pages_inuse, PAGE_SIZE);
        // SAFETY: a's start stays the merged span's start.
        let a_start = h.arena_base;
        let d = h.alloc_span(4, 0);
        // SAFETY: just allocated.
        unsafe {
            assert_eq!((*d).start, a_start);
            assert!((*d).needzero);
        }
        // Scavenging releases whole free spans until the retained target.
        let before = h.heap_sys() - h.released;
        let r = h.scavenge(0);
        assert_eq!(r, before - 5 * PAGE_SIZE);
        assert_eq!(h.heap_sys() - h.released, 5 * PAGE_SIZE);
    }

    /// A span record merged away must not be merged again through a stale
    /// page-table entry (this once handed out pages of an in-use span).
    #[test]
    fn merged_away_span_records_stay_dead() {
        let mut h = MHeap::new();
        h.init();
        let a = h.alloc_span(2, 0);
        let b = h.alloc_span(2, 0);
        let c = h.alloc_span(2, 0);
        // SAFETY: spans just allocated.
        let (bs, cs) = unsafe { ((*b).start, (*c).start) };
        h.free_span(c); // c merges with the free tail of the arena
        h.free_span(b); // b absorbs the c+tail span: c's record dies
        let d = h.alloc_span(4, 0); // b's and c's pages again
                                    // SAFETY: d is live.
        assert_eq!(unsafe { (*d).start }, bs);
        // Freeing a (ending at b's start) looks at b's page: d, in use.
        h.free_span(a);
        // And a 2-page span ending at c's start must not merge with the
        // dead c record: d's pages are never handed out twice.
        let e = h.alloc_span(2, 0);
        let f = h.alloc_span(6, 0);
        // SAFETY: spans just allocated.
        unsafe {
            assert!((*e).limit() <= bs || (*e).start >= (*d).limit());
            assert!((*f).limit() <= bs || (*f).start >= (*d).limit());
            assert!(h.span_of(cs).is_some_and(|s| core::ptr::eq(s, d)));
        }
    }

    #[test]
    fn span_allocates_every_slot_once() {
        let mut h = MHeap::new();
        h.init();
        let s = h.alloc_span(1, 3 << 1 | 1); // 24-byte objects
                                             // SAFETY: just allocated.
        let s = unsafe { &mut *s };
        let mut got = Vec::new();
        while let Some(p) = s.next_free() {
            got.push(p);
        }
        assert_eq!(got.len(), 8192 / 24);
        assert_eq!(got[1] - got[0], 24);
        // After a "sweep" that keeps objects 0 and 5, exactly the others are
        // handed out again.
        s.alloc_bits = [0; BITS_WORDS];
        s.alloc_bits[0] = 1 | 1 << 5;
        s.freeindex = 0;
        s.alloc_count = 2;
        let again: Vec<usize> = core::iter::from_fn(|| s.next_free()).collect();
        assert_eq!(again.len(), 8192 / 24 - 2);
        assert!(!again.contains(&s.start) && !again.contains(&(s.start + 5 * 24)));
        assert!(s.is_allocated(0) && s.is_allocated(5) && s.is_allocated(100));
    }
}
