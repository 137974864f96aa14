//! Go maps: open addressing over groups of 8 slots with one control byte
//! per slot (the swiss-table scheme gc uses since go 1.24), keys and
//! elements stored inline.
//!
//! Mechanism: a map value is a pointer to an [`Hmap`] whose first word is
//! the entry count (generated code loads it for `len`). The table is an
//! array of `2^k` groups; a group is 8 control bytes followed by 8 slots of
//! `{key, elem}`. A key's hash is split into h1 (`hash >> 7`, selects the
//! first group of a triangular probe sequence over groups) and h2 (the low
//! 7 bits, stored in the slot's control byte). Lookups compare h2 against
//! a group's 8 control bytes at once (SWAR on one u64), compare keys only
//! on h2 matches, and stop at the first group with an EMPTY slot.
//! Deleting from a group that has an EMPTY slot frees the slot; otherwise
//! it leaves a tombstone (a group that was ever full never gets EMPTY
//! slots back until a rehash, so no probe sequence is cut short). Load is
//! at most 7/8; when no EMPTY slot may be consumed any more, the table is
//! rebuilt into a *new* array, double-sized unless tombstones were the
//! cause.
//!
//! Invariants:
//! - every slot that is not FULL holds zero bytes (new arrays are zeroed,
//!   delete and clear zero the slot), so a fresh element is the zero value;
//! - an array is never modified after the map moved to a new one, and
//!   never reused: an iterator keeps its snapshot array and, once the map
//!   has grown, looks each snapshot key up in the live table to get the
//!   live element (or skips the key if it was deleted), so no entry is
//!   produced twice and deleted entries are not produced. Keys that are
//!   not equal to themselves (NaN) are produced from the snapshot, as gc does;
//! - `clear` bumps `clear_seq`, which ends running iterations, and reseeds;
//! - write barriers (mbarrier.rs): key copies into slots, slot clears
//!   (delete, clear) and the pointer words the runtime stores (the group
//!   array in the header, the iterator's words) run the barrier first when
//!   keys or elements hold pointers; a rehash's copies into the new array
//!   are covered by the barrier on `groups`, which shades the old array;
//! - key and element memory comes from `mallocgc` (descriptor null for now:
//!   the future collector must scan group arrays conservatively or the map
//!   must pass a synthesised group descriptor);
//! - each map has its own random seed, and each iteration starts at a
//!   random group and slot offset, so orders differ between iterations.
//!
//! Panics follow gc: `assignment to entry in nil map` (plain error),
//! `hash of unhashable type T` (runtime error, from hashing) and, for
//! lookups/deletes in nil or empty maps with an unhashable interface key,
//! `hash of unhashable type: T` (gc's mapKeyError).

use crate::alg::{is_reflexive, map_key_check, plain_error, rand, typeequal, typehash};
use crate::malloc::mallocgc;
use crate::types::{tflag, Type};
use core::sync::atomic::Ordering::Relaxed;

const SLOTS: usize = 8;
const EMPTY: u8 = 0x80;
const DELETED: u8 = 0xFE;
const LSB: u64 = 0x0101_0101_0101_0101;
const MSB: u64 = 0x8080_8080_8080_8080;
/// Largest group array we agree to allocate for a make hint (gc ignores
/// hints whose table would not fit in memory and returns an empty map).
const MAX_HINT_BYTES: usize = 1 << 40;

#[inline(always)]
fn match_h2(ctrl: u64, h2: u8) -> u64 {
    let x = ctrl ^ (LSB * h2 as u64);
    x.wrapping_sub(LSB) & !x & MSB
}
#[inline(always)]
fn match_empty(ctrl: u64) -> u64 {
    ctrl & (!ctrl << 6) & MSB
}
#[inline(always)]
fn match_free(ctrl: u64) -> u64 {
    ctrl & MSB
}
#[inline(always)]
fn first(bits: u64) -> usize {
    (bits.trailing_zeros() / 8) as usize
}

fn max_load(ngroups: usize) -> usize {
    ngroups * SLOTS * 7 / 8
}

/// The runtime's map header. `count` must stay the first field.
#[repr(C)]
pub struct Hmap {
    /// Number of live entries (`len(m)`).
    pub count: isize,
    /// The group array (null until the first insertion of a small map).
    groups: *mut u8,
    /// Number of groups - 1 (a power of two - 1).
    mask: usize,
    /// EMPTY slots that may still be consumed before a rehash.
    growth_left: usize,
    seed: u64,
    clear_seq: u64,
    /// Layout, derived from the map type once.
    slot_size: usize,
    elem_off: usize,
    group_size: usize,
    key: *const Type,
    elem: *const Type,
    /// Whether an update must overwrite the stored key (+0 / -0, strings
    /// sharing memory: anything that is not plain memory).
    key_update: bool,
    key_reflexive: bool,
    /// The key is one plain-memory word (ints, pointers): compared inline.
    key_word: bool,
    /// gc's hashWriting flag: set while an assignment, delete or clear runs
    /// (a plain byte, not a lock: racing writers usually see each other's
    /// flag, and `fatal error: concurrent map writes` ends the program).
    writing: core::sync::atomic::AtomicU8,
}

/// The iteration state generated code allocates (16 words, zeroed).
#[repr(C)]
pub struct Hiter {
    /// Current key (null: iteration finished).
    pub key: *mut u8,
    /// Current element (the live slot).
    pub elem: *mut u8,
    h: *mut Hmap,
    /// The array being walked and its group mask at the start.
    groups: *mut u8,
    mask: usize,
    /// Slots of the snapshot visited so far.
    n: usize,
    goff: usize,
    soff: usize,
    clear_seq: u64,
    _reserved: [usize; 7],
}

const _: () = assert!(core::mem::size_of::<Hiter>() == 16 * 8);

impl Hmap {
    #[inline(always)]
    fn key_t(&self) -> &Type {
        // SAFETY: set from the map type's key descriptor in makemap.
        unsafe { &*self.key }
    }

    #[inline(always)]
    unsafe fn group(&self, groups: *mut u8, i: usize) -> *mut u8 {
        // SAFETY: i <= mask of the array `groups` (caller).
        unsafe { groups.add(i * self.group_size) }
    }

    #[inline(always)]
    unsafe fn ctrl(g: *mut u8) -> u64 {
        // SAFETY: a group starts with 8 control bytes, 8-aligned.
        unsafe { *(g as *const u64) }
    }

    #[inline(always)]
    unsafe fn set_ctrl(g: *mut u8, i: usize, c: u8) {
        // SAFETY: i < 8: one of the group's control bytes.
        unsafe { *g.add(i) = c }
    }

    #[inline(always)]
    unsafe fn slot(&self, g: *mut u8, i: usize) -> *mut u8 {
        // SAFETY: i < 8; slots follow the control word.
        unsafe { g.add(8 + i * self.slot_size) }
    }

    fn alloc_groups(&self, ngroups: usize) -> *mut u8 {
        let bytes = ngroups * self.group_size;
        // SAFETY: mallocgc returns `bytes` zeroed bytes (needzero = 1).
        let p = unsafe { mallocgc(bytes, core::ptr::null(), 1) };
        for i in 0..ngroups {
            if i % 4096 == 4095 && crate::sched::gcwaiting() {
                // A safe point in a long initialisation (first touches of a
                // big array fault its pages in): p is held by this frame.
                crate::sched::gc_safepoint();
            }
            // SAFETY: each group's control word lies inside the new block.
            unsafe { *(p.add(i * self.group_size) as *mut u64) = LSB * EMPTY as u64 };
        }
        p
    }

    /// Whether keys or elements hold pointers (slot copies and clears
    /// need the write barrier).
    #[inline(always)]
    fn has_pointers(&self) -> bool {
        // SAFETY: set from the map type's descriptors in makemap.
        unsafe { (*self.key).ptrdata != 0 || (*self.elem).ptrdata != 0 }
    }

    fn init_table(&mut self, ngroups: usize) {
        let g = self.alloc_groups(ngroups);
        // The barrier shades the old array: rehash copies its entries into
        // the new one, which is black while marking.
        set_ptr(&mut self.groups, g);
        self.mask = ngroups - 1;
        self.growth_left = max_load(ngroups);
    }

    #[inline]
    unsafe fn hash(&self, key: *const u8) -> u64 {
        // SAFETY: key points to a value of the key type.
        unsafe {
            if self.key_word {
                // typehash's plain-memory word case, without the call.
                return crate::alg::hash64(*(key as *const u64), self.seed);
            }
            typehash(self.key_t(), key, self.seed)
        }
    }

    /// The slot holding `key` (hash `hash`) in the live table, if any.
    #[inline]
    unsafe fn find(&self, key: *const u8, hash: u64) -> Option<*mut u8> {
        // SAFETY: forwarded.
        unsafe { self.find_gi(key, hash).map(|(g, i)| self.slot(g, i)) }
    }

    /// The group and slot index holding `key`, if any.
    #[inline(always)]
    unsafe fn find_gi(&self, key: *const u8, hash: u64) -> Option<(*mut u8, usize)> {
        if self.groups.is_null() {
            return None;
        }
        let h2 = (hash & 0x7f) as u8;
        let mut pos = (hash >> 7) as usize & self.mask;
        let kt = self.key_t();
        // SAFETY: pos is masked; slots of FULL control bytes hold keys.
        unsafe {
            for stride in 1..=self.mask + 1 {
                let g = self.group(self.groups, pos);
                let ctrl = Self::ctrl(g);
                let mut m = match_h2(ctrl, h2);
                while m != 0 {
                    let i = first(m);
                    let s = self.slot(g, i);
                    let eq = if self.key_word {
                        (key as *const u64).read_unaligned() == (s as *const u64).read_unaligned()
                    } else {
                        typeequal(kt, key, s)
                    };
                    if eq {
                        return Some((g, i));
                    }
                    m &= m - 1;
                }
                if match_empty(ctrl) != 0 {
                    return None;
                }
                pos = (pos + stride) & self.mask;
            }
        }
        None
    }

    /// Claims a free slot for a key known to be absent, setting its control
    /// byte. Growth must have been ensured by the caller if the slot found
    /// is EMPTY (returned flag true).
    #[inline]
    unsafe fn free_slot(&self, hash: u64) -> (*mut u8, usize, bool) {
        let mut pos = (hash >> 7) as usize & self.mask;
        // SAFETY: pos is masked.
        unsafe {
            for stride in 1..=self.mask + 1 {
                let g = self.group(self.groups, pos);
                let m = match_free(Self::ctrl(g));
                if m != 0 {
                    let i = first(m);
                    let was_empty = *g.add(i) == EMPTY;
                    return (g, i, was_empty);
                }
                pos = (pos + stride) & self.mask;
            }
        }
        crate::panic::throw_str(b"map: no free slot")
    }

    /// Rebuild into a new array: double it unless tombstones (not live
    /// entries) used up the growth budget.
    unsafe fn rehash(&mut self) {
        let old = self.groups;
        let old_n = self.mask + 1;
        let new_n = if self.count as usize >= max_load(old_n) / 2 {
            old_n * 2
        } else {
            old_n
        };
        self.init_table(new_n);
        // SAFETY: the key descriptor is an immutable static.
        let kt: &Type = unsafe { &*self.key };
        // SAFETY: walks the old array (old_n groups); copies FULL slots
        // into free slots of the new one.
        unsafe {
            for gi in 0..old_n {
                if gi % 256 == 255 && crate::sched::gcwaiting() {
                    // A long rehash is a safe point, so that a stop of the
                    // world need not wait for it: the new array is the
                    // map's, the old one is held by this frame (scanned
                    // conservatively), and it was shaded when the map let
                    // go of it.
                    crate::sched::gc_safepoint();
                }
                let g = old.add(gi * self.group_size);
                let mut full = !Self::ctrl(g) & MSB;
                while full != 0 {
                    let i = first(full);
                    full &= full - 1;
                    let s = self.slot(g, i);
                    let hash = typehash(kt, s, self.seed);
                    let (ng, ni, _) = self.free_slot(hash);
                    Self::set_ctrl(ng, ni, (hash & 0x7f) as u8);
                    core::ptr::copy_nonoverlapping(s, self.slot(ng, ni), self.slot_size);
                    self.growth_left -= 1;
                }
            }
        }
    }

    /// gc's `h.flags ^= hashWriting` after hashing (the hash may panic).
    #[inline(always)]
    fn start_write(&self) {
        if self.writing.load(Relaxed) != 0 {
            crate::panic::fatal_str(b"concurrent map writes");
        }
        self.writing.store(1, Relaxed);
    }

    #[inline(always)]
    fn end_write(&self) {
        if self.writing.load(Relaxed) == 0 {
            crate::panic::fatal_str(b"concurrent map writes");
        }
        self.writing.store(0, Relaxed);
    }

    /// A read while a write runs (mapaccess, iteration).
    #[inline(always)]
    fn check_read(&self, what: &[u8]) {
        if self.writing.load(Relaxed) != 0 {
            crate::panic::fatal_str(what);
        }
    }

    unsafe fn assign(&mut self, key: *const u8) -> *mut u8 {
        // SAFETY: forwarded.
        unsafe {
            let hash = self.hash(key);
            self.start_write();
            let r = self.assign_hashed(key, hash);
            self.end_write();
            r
        }
    }

    unsafe fn assign_hashed(&mut self, key: *const u8, hash: u64) -> *mut u8 {
        // SAFETY: key is a key value; slots found hold keys.
        unsafe {
            if self.groups.is_null() {
                self.init_table(1);
            }
            if let Some(s) = self.find(key, hash) {
                if self.key_update {
                    if self.key_t().ptrdata != 0 {
                        crate::mbarrier::wb_move(s as usize, key as usize, self.key_t().size);
                    }
                    core::ptr::copy_nonoverlapping(key, s, self.key_t().size);
                }
                return s.add(self.elem_off);
            }
            let (mut g, mut i, mut was_empty) = self.free_slot(hash);
            if was_empty && self.growth_left == 0 {
                self.rehash();
                (g, i, was_empty) = self.free_slot(hash);
            }
            if was_empty {
                self.growth_left -= 1;
            }
            Self::set_ctrl(g, i, (hash & 0x7f) as u8);
            let s = self.slot(g, i);
            if self.key_t().ptrdata != 0 {
                crate::mbarrier::wb_move(s as usize, key as usize, self.key_t().size);
            }
            core::ptr::copy_nonoverlapping(key, s, self.key_t().size);
            self.count += 1;
            s.add(self.elem_off)
        }
    }

    unsafe fn delete(&mut self, key: *const u8) {
        // SAFETY: forwarded.
        unsafe {
            let hash = self.hash(key);
            self.start_write();
            self.delete_hashed(key, hash);
            self.end_write();
        }
    }

    unsafe fn delete_hashed(&mut self, key: *const u8, hash: u64) {
        // SAFETY: key is a key value; s is a slot of the live array.
        unsafe {
            let Some((g, i)) = self.find_gi(key, hash) else {
                return;
            };
            let s = self.slot(g, i);
            if match_empty(Self::ctrl(g)) != 0 {
                Self::set_ctrl(g, i, EMPTY);
                self.growth_left += 1;
            } else {
                Self::set_ctrl(g, i, DELETED);
            }
            if self.has_pointers() {
                crate::mbarrier::wb_zero(s as usize, self.slot_size);
            }
            core::ptr::write_bytes(s, 0, self.slot_size);
            self.count -= 1;
        }
    }

    unsafe fn clear(&mut self) {
        self.start_write();
        // SAFETY: forwarded.
        unsafe { self.clear_unflagged() };
        self.end_write();
    }

    unsafe fn clear_unflagged(&mut self) {
        if !self.groups.is_null() {
            let n = self.mask + 1;
            // SAFETY: the whole live array is rewritten: zero bytes, then
            // EMPTY control words.
            unsafe {
                if self.has_pointers() {
                    crate::mbarrier::wb_zero(self.groups as usize, n * self.group_size);
                }
                core::ptr::write_bytes(self.groups, 0, n * self.group_size);
                for gi in 0..n {
                    *(self.group(self.groups, gi) as *mut u64) = LSB * EMPTY as u64;
                }
            }
            self.growth_left = max_load(n);
        }
        self.count = 0;
        self.clear_seq += 1;
        self.seed = rand();
    }
}

/// `*slot = v` for a pointer word of runtime-owned memory that may be in
/// the heap (the map header; reflect's heap-allocated iterators).
#[inline(always)]
fn set_ptr<T>(slot: &mut *mut T, v: *mut T) {
    crate::mbarrier::wb_store(slot as *mut *mut T as usize, v as usize);
    *slot = v;
}

fn align_up(x: usize, a: usize) -> usize {
    let a = a.max(1);
    x.div_ceil(a) * a
}

/// Allocates a map for `make(map[K]V, hint)`: a negative or impossible
/// hint is treated as 0, as gc does.
///
/// # Safety
/// `mt` is a map type descriptor (kind MAP, `key`, `elem` set).
#[export_name = "runtime.makemap"]
pub unsafe extern "C" fn makemap(mt: *const Type, hint: i64) -> *mut Hmap {
    // SAFETY: mt is a valid map descriptor with key and elem.
    let (kt, et) = unsafe { (&*(*mt).key, &*(*mt).elem) };
    let salign = (kt.align as usize).max(et.align as usize).max(1);
    let elem_off = align_up(kt.size, et.align as usize);
    let slot_size = align_up(elem_off + et.size, salign);
    let group_size = align_up(8 + SLOTS * slot_size, 8);
    // SAFETY: mallocgc returns a zeroed block of the requested size.
    let h = unsafe { mallocgc(core::mem::size_of::<Hmap>(), core::ptr::null(), 1) } as *mut Hmap;
    // SAFETY: h is a fresh block big enough for an Hmap.
    let hm = unsafe {
        h.write(Hmap {
            count: 0,
            groups: core::ptr::null_mut(),
            mask: 0,
            growth_left: 0,
            seed: rand(),
            clear_seq: 0,
            slot_size,
            elem_off,
            group_size,
            key: kt,
            elem: et,
            key_update: kt.tflag & tflag::REGULAR_MEMORY == 0,
            key_reflexive: is_reflexive(kt),
            key_word: kt.tflag & tflag::REGULAR_MEMORY != 0 && kt.size == 8,
            writing: core::sync::atomic::AtomicU8::new(0),
        });
        &mut *h
    };
    if hint > max_load(1) as i64 {
        let hint = hint as u128;
        // Groups so that hint entries fit under the 7/8 load.
        let need = (hint * 8).div_ceil(7).div_ceil(SLOTS as u128);
        let ngroups = need.next_power_of_two();
        if ngroups * group_size as u128 <= MAX_HINT_BYTES as u128 {
            hm.init_table(ngroups as usize);
        }
    }
    h
}

/// `&m[key]`: the element slot, or null if the key is absent or m is nil.
///
/// # Safety
/// `mt` is the map's type, `h` null or a map of that type, `key` points to
/// a key value.
#[export_name = "runtime.mapaccess"]
pub unsafe extern "C" fn mapaccess(_mt: *const Type, h: *mut Hmap, key: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller's contract.
    unsafe { access(_mt, h, key) }
}

#[inline]
unsafe fn access(mt: *const Type, h: *mut Hmap, key: *const u8) -> *mut u8 {
    // SAFETY: caller's contract (see mapaccess).
    unsafe {
        if h.is_null() || (*h).count == 0 {
            map_key_check(&*(*mt).key, key);
            return core::ptr::null_mut();
        }
        let h = &*h;
        h.check_read(b"concurrent map read and map write");
        match h.find(key, h.hash(key)) {
            Some(s) => s.add(h.elem_off),
            None => core::ptr::null_mut(),
        }
    }
}

/// `&m[key]` for assignment: inserts the key with a zero element when it
/// is absent (stores the key again when present, so `m[-0.0] = x` after
/// `m[+0.0]` keeps -0 as gc does). Panics on a nil map.
///
/// # Safety
/// As for mapaccess. The returned pointer is valid until the next map
/// operation that may insert.
#[export_name = "runtime.mapassign"]
pub unsafe extern "C" fn mapassign(_mt: *const Type, h: *mut Hmap, key: *const u8) -> *mut u8 {
    // SAFETY: forwarded.
    unsafe { assign(h, key) }
}

unsafe fn assign(h: *mut Hmap, key: *const u8) -> *mut u8 {
    if h.is_null() {
        plain_error(b"assignment to entry in nil map");
    }
    // SAFETY: h is a live map, key a key value.
    unsafe { (*h).assign(key) }
}

/// `delete(m, key)`.
///
/// # Safety
/// As for mapaccess.
#[export_name = "runtime.mapdelete"]
pub unsafe extern "C" fn mapdelete(mt: *const Type, h: *mut Hmap, key: *const u8) {
    // SAFETY: caller's contract.
    unsafe {
        if h.is_null() || (*h).count == 0 {
            map_key_check(&*(*mt).key, key);
            return;
        }
        (*h).delete(key)
    }
}

/// `clear(m)`: removes every entry, NaN keys included.
///
/// # Safety
/// `h` null or a map.
#[export_name = "runtime.mapclear"]
pub unsafe extern "C" fn mapclear(_mt: *const Type, h: *mut Hmap) {
    if !h.is_null() {
        // SAFETY: h is a live map.
        unsafe { (*h).clear() }
    }
}

/// Starts a `for range` over `h`, positioned on the first entry (key null
/// if there is none).
///
/// # Safety
/// `it` points to 16 writable words; h null or a map.
#[export_name = "runtime.mapiterinit"]
pub unsafe extern "C" fn mapiterinit(_mt: *const Type, h: *mut Hmap, it: *mut Hiter) {
    // SAFETY: it points to 16 writable words.
    let it = unsafe { &mut *it };
    set_ptr(&mut it.key, core::ptr::null_mut());
    set_ptr(&mut it.elem, core::ptr::null_mut());
    set_ptr(&mut it.h, h);
    it.n = 0;
    // SAFETY: h is null or a live map.
    if h.is_null() || unsafe { (*h).count } == 0 {
        set_ptr(&mut it.groups, core::ptr::null_mut());
        return;
    }
    // SAFETY: as above.
    let hm = unsafe { &*h };
    set_ptr(&mut it.groups, hm.groups);
    it.mask = hm.mask;
    let r = rand();
    it.goff = (r >> 3) as usize & hm.mask;
    it.soff = (r & 7) as usize;
    it.clear_seq = hm.clear_seq;
    // SAFETY: the iterator was just initialised.
    unsafe { mapiternext(it) }
}

/// Advances to the next entry (key null at the end).
///
/// # Safety
/// `it` was initialised by mapiterinit.
#[export_name = "runtime.mapiternext"]
pub unsafe extern "C" fn mapiternext(it: *mut Hiter) {
    // SAFETY: it is an initialised iterator; its map and snapshot array
    // are alive (the iterator references them).
    unsafe {
        let it = &mut *it;
        set_ptr(&mut it.key, core::ptr::null_mut());
        set_ptr(&mut it.elem, core::ptr::null_mut());
        if it.groups.is_null() {
            return;
        }
        let h = &*it.h;
        h.check_read(b"concurrent map iteration and map write");
        if h.clear_seq != it.clear_seq {
            set_ptr(&mut it.groups, core::ptr::null_mut());
            return;
        }
        let total = (it.mask + 1) * SLOTS;
        while it.n < total {
            let n = it.n;
            it.n += 1;
            let gi = ((n / SLOTS) + it.goff) & it.mask;
            let si = ((n % SLOTS) + it.soff) % SLOTS;
            let g = h.group(it.groups, gi);
            if *g.add(si) & 0x80 != 0 {
                continue; // EMPTY or DELETED
            }
            let s = h.slot(g, si);
            if h.groups == it.groups {
                set_ptr(&mut it.key, s);
                set_ptr(&mut it.elem, s.add(h.elem_off));
                return;
            }
            // The map moved to a new array: the snapshot slot may be stale.
            if !h.key_reflexive && !typeequal(h.key_t(), s, s) {
                // NaN-like keys cannot be looked up, updated or deleted
                // (only cleared, checked above).
                set_ptr(&mut it.key, s);
                set_ptr(&mut it.elem, s.add(h.elem_off));
                return;
            }
            if h.count == 0 {
                continue;
            }
            if let Some(live) = h.find(s, h.hash(s)) {
                set_ptr(&mut it.key, live);
                set_ptr(&mut it.elem, live.add(h.elem_off));
                return;
            }
        }
        set_ptr(&mut it.groups, core::ptr::null_mut());
    }
}

/// A copy of `h` with the same entries (gc's maps.clone, behind
/// maps.Clone): NaN-like keys are copied too. Null for a nil map.
///
/// # Safety
/// `mt` is the map's type, `h` null or a map of that type.
#[export_name = "runtime.mapclone"]
pub unsafe extern "C" fn mapclone(mt: *const Type, h: *mut Hmap) -> *mut Hmap {
    if h.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: h is a live map of type mt; its group array stays alive (a
    // local of this frame, scanned conservatively) while the copy
    // allocates, and an array is never modified after the map moved to a
    // new one.
    unsafe {
        let src = &*h;
        let n = makemap(mt, src.count as i64);
        let groups = src.groups;
        if groups.is_null() || src.count == 0 {
            return n;
        }
        let et = src.elem;
        for gi in 0..=src.mask {
            src.check_read(b"concurrent map read and map write");
            let g = src.group(groups, gi);
            for si in 0..SLOTS {
                if *g.add(si) & 0x80 != 0 {
                    continue; // EMPTY or DELETED
                }
                let s = src.slot(g, si);
                // assign inserts a key that is not equal to itself anew.
                let e = (*n).assign(s);
                crate::mbarrier::typedmemmove(et, e, s.add(src.elem_off));
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alg::testtypes::*;
    use crate::types::{kind, GoString};
    use std::collections::{HashMap, HashSet};

    fn map_type(k: &'static Type, v: &'static Type) -> &'static Type {
        let t = basic("map", kind::MAP, 8, tflag::DIRECT_IFACE) as *const Type as *mut Type;
        // SAFETY: freshly leaked, not shared yet.
        unsafe {
            (*t).key = k;
            (*t).elem = v;
            &*t
        }
    }

    struct M {
        mt: &'static Type,
        h: *mut Hmap,
    }

    impl M {
        fn new(k: &'static Type, v: &'static Type, hint: i64) -> M {
            let mt = map_type(k, v);
            // SAFETY: mt is a map type.
            M {
                mt,
                h: unsafe { makemap(mt, hint) },
            }
        }
        fn len(&self) -> isize {
            // SAFETY: the first word of an hmap is the count.
            unsafe { *(self.h as *const isize) }
        }
        fn get<K, V: Copy>(&self, k: K) -> Option<V> {
            // SAFETY: K/V match the map's descriptors in each test.
            let p = unsafe { mapaccess(self.mt, self.h, &k as *const K as *const u8) };
            // SAFETY: p points to a V.
            (!p.is_null()).then(|| unsafe { *(p as *const V) })
        }
        fn set<K, V>(&self, k: K, v: V) {
            // SAFETY: as in get.
            unsafe { *(mapassign(self.mt, self.h, &k as *const K as *const u8) as *mut V) = v };
        }
        fn del<K>(&self, k: K) {
            // SAFETY: as in get.
            unsafe { mapdelete(self.mt, self.h, &k as *const K as *const u8) };
        }
        /// Collects (key, elem) pairs, optionally running `f` after each step.
        fn iter<K: Copy, V: Copy>(&self, mut f: impl FnMut(K, V)) -> Vec<(K, V)> {
            let mut it: Hiter = unsafe { core::mem::zeroed() };
            let mut out = Vec::new();
            // SAFETY: it is 16 zeroed words; key/elem pointers are read
            // right after each step.
            unsafe {
                mapiterinit(self.mt, self.h, &mut it);
                while !it.key.is_null() {
                    let (k, v) = (*(it.key as *const K), *(it.elem as *const V));
                    out.push((k, v));
                    f(k, v);
                    mapiternext(&mut it);
                }
            }
            out
        }
    }

    fn s(x: &str) -> GoString {
        let b: &'static [u8] = Box::leak(x.as_bytes().to_vec().into_boxed_slice());
        GoString {
            ptr: b.as_ptr(),
            len: b.len() as isize,
        }
    }

    #[test]
    fn int_keys_grow_to_100k() {
        let m = M::new(int64(), int64(), 0);
        for i in 0..100_000i64 {
            m.set(i * 7, i);
        }
        assert_eq!(m.len(), 100_000);
        for i in 0..100_000i64 {
            assert_eq!(m.get::<i64, i64>(i * 7), Some(i));
            assert_eq!(m.get::<i64, i64>(i * 7 + 1), None);
        }
        for i in (0..100_000i64).step_by(2) {
            m.del(i * 7);
        }
        assert_eq!(m.len(), 50_000);
        for i in 0..100_000i64 {
            assert_eq!(
                m.get::<i64, i64>(i * 7),
                if i % 2 == 1 { Some(i) } else { None }
            );
        }
        // Reinsert after deletes (tombstone reuse and same-size rehash).
        for round in 0..5 {
            for i in 0..20_000i64 {
                m.set(1_000_000 + i, round);
            }
            for i in 0..20_000i64 {
                m.del(1_000_000 + i);
            }
        }
        assert_eq!(m.len(), 50_000);
        let got = m.iter::<i64, i64>(|_, _| {});
        assert_eq!(got.len(), 50_000);
        assert!(got.iter().all(|&(k, v)| k == v * 7 && v % 2 == 1));
    }

    #[test]
    fn update_in_place_and_hint() {
        let m = M::new(int64(), int64(), 1000);
        let groups = unsafe { (*m.h).groups };
        for i in 0..1000i64 {
            m.set(i, i);
        }
        // A hint of 1000 must not need a rehash.
        assert_eq!(unsafe { (*m.h).groups }, groups);
        for i in 0..1000i64 {
            m.set(i, i + 1);
        }
        assert_eq!(m.len(), 1000);
        assert_eq!(m.get::<i64, i64>(999), Some(1000));
        let neg = M::new(int64(), int64(), -5);
        assert_eq!(neg.len(), 0);
        let huge = M::new(int64(), int64(), i64::MAX);
        huge.set(1i64, 2i64);
        assert_eq!(huge.get::<i64, i64>(1), Some(2));
    }

    #[test]
    fn nil_map() {
        let mt = map_type(int64(), int64());
        let k = 5i64;
        // SAFETY: nil map operations.
        unsafe {
            assert!(mapaccess(mt, core::ptr::null_mut(), &k as *const i64 as *const u8).is_null());
            mapdelete(mt, core::ptr::null_mut(), &k as *const i64 as *const u8);
            mapclear(mt, core::ptr::null_mut());
            let mut it: Hiter = core::mem::zeroed();
            mapiterinit(mt, core::ptr::null_mut(), &mut it);
            assert!(it.key.is_null());
        }
        // SAFETY: assignment to a nil map panics before touching memory.
        let r = std::panic::catch_unwind(|| unsafe {
            assign(core::ptr::null_mut(), &k as *const i64 as *const u8)
        });
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "assignment to entry in nil map"
        );
    }

    #[test]
    fn string_keys() {
        let m = M::new(string(), int64(), 0);
        for i in 0..10_000 {
            m.set(s(&format!("key{i}")), i as i64);
        }
        for i in 0..10_000 {
            assert_eq!(
                m.get::<GoString, i64>(s(&format!("key{i}"))),
                Some(i as i64)
            );
        }
        assert_eq!(m.get::<GoString, i64>(s("nope")), None);
        assert_eq!(m.get::<GoString, i64>(s("")), None);
        m.set(s(""), -1i64);
        assert_eq!(m.get::<GoString, i64>(s("")), Some(-1));
        assert_eq!(m.len(), 10_001);
    }

    #[test]
    fn float_keys_nan_and_zero() {
        let m = M::new(float64(), int64(), 0);
        m.set(0.0f64, 1i64);
        m.set(-0.0f64, 2i64);
        assert_eq!(m.len(), 1);
        assert_eq!(m.get::<f64, i64>(0.0), Some(2));
        // The key was overwritten with -0, as gc does.
        let keys = m.iter::<f64, i64>(|_, _| {});
        assert_eq!(keys.len(), 1);
        assert!(keys[0].0.is_sign_negative());
        for i in 0..100 {
            m.set(f64::NAN, i as i64);
        }
        assert_eq!(m.len(), 101);
        assert_eq!(m.get::<f64, i64>(f64::NAN), None);
        m.del(f64::NAN);
        assert_eq!(m.len(), 101);
        let all = m.iter::<f64, i64>(|_, _| {});
        assert_eq!(all.len(), 101);
        assert_eq!(all.iter().filter(|(k, _)| k.is_nan()).count(), 100);
        // clear removes NaN keys.
        unsafe { mapclear(m.mt, m.h) };
        assert_eq!(m.len(), 0);
        assert!(m.iter::<f64, i64>(|_, _| {}).is_empty());
        m.set(1.5f64, 3i64);
        assert_eq!(m.get::<f64, i64>(1.5), Some(3));
    }

    #[repr(C)]
    #[derive(Clone, Copy, Debug, PartialEq)]
    struct SK {
        s: GoString,
        n: i64,
    }
    impl PartialEq for GoString {
        fn eq(&self, o: &GoString) -> bool {
            // SAFETY: test strings are valid.
            unsafe { self.as_bytes() == o.as_bytes() }
        }
    }
    impl std::fmt::Debug for GoString {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // SAFETY: test strings are valid.
            write!(
                f,
                "{:?}",
                String::from_utf8_lossy(unsafe { self.as_bytes() })
            )
        }
    }

    #[test]
    fn struct_keys() {
        let kt = struct_of(
            "main.K",
            &[("s", string()), ("n", int64())],
            tflag::COMPARABLE,
        );
        let m = M::new(kt, int64(), 0);
        for i in 0..2000i64 {
            m.set(
                SK {
                    s: s(&format!("k{}", i % 100)),
                    n: i / 100,
                },
                i,
            );
        }
        assert_eq!(m.len(), 2000);
        for i in 0..2000i64 {
            assert_eq!(
                m.get::<SK, i64>(SK {
                    s: s(&format!("k{}", i % 100)),
                    n: i / 100
                }),
                Some(i)
            );
        }
        assert_eq!(m.get::<SK, i64>(SK { s: s("k1"), n: 20 }), None);
    }

    #[test]
    fn interface_keys() {
        let e = eface();
        let m = M::new(e, int64(), 0);
        let i64t = int64();
        let st = string();
        for i in 0..500i64 {
            m.set(box_eface(i64t, i), i);
            m.set(box_eface(st, s(&i.to_string())), -i);
        }
        m.set([0usize; 2], 12345i64); // nil interface key
        assert_eq!(m.len(), 1001);
        for i in 0..500i64 {
            assert_eq!(m.get::<[usize; 2], i64>(box_eface(i64t, i)), Some(i));
            assert_eq!(
                m.get::<[usize; 2], i64>(box_eface(st, s(&i.to_string()))),
                Some(-i)
            );
        }
        assert_eq!(m.get::<[usize; 2], i64>([0; 2]), Some(12345));
        // Unhashable dynamic type: runtime error from a non-empty map, gc's
        // mapKeyError text from an empty or nil one.
        let sl = slice_of(i64t, "[]int");
        let bad = box_eface(sl, [0usize; 3]);
        let mh = m.h;
        let mt = m.mt;
        let r = std::panic::catch_unwind(|| unsafe { access(mt, mh, bad.as_ptr() as *const u8) });
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "runtime error: hash of unhashable type []int"
        );
        let r = std::panic::catch_unwind(|| unsafe {
            access(mt, core::ptr::null_mut(), bad.as_ptr() as *const u8)
        });
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "hash of unhashable type: []int"
        );
        let r = std::panic::catch_unwind(|| unsafe { (*mh).assign(bad.as_ptr() as *const u8) });
        assert_eq!(
            *r.unwrap_err().downcast::<String>().unwrap(),
            "runtime error: hash of unhashable type []int"
        );
        assert_eq!(m.len(), 1001);
    }

    #[test]
    fn zero_size_and_big_values() {
        let empty = struct_of("struct {}", &[], tflag::COMPARABLE | tflag::REGULAR_MEMORY);
        let m = M::new(empty, int64(), 0);
        m.set((), 5i64);
        m.set((), 6i64);
        assert_eq!(m.len(), 1);
        assert_eq!(m.get::<(), i64>(()), Some(6));
        m.del(());
        assert_eq!(m.len(), 0);
        assert_eq!(m.get::<(), i64>(()), None);

        let big = array_of(
            int64(),
            40,
            "[40]int64",
            tflag::COMPARABLE | tflag::REGULAR_MEMORY,
        );
        let m = M::new(int32(), big, 0);
        for i in 0..300i32 {
            m.set(i, [i as i64; 40]);
        }
        for i in 0..300i32 {
            assert_eq!(m.get::<i32, [i64; 40]>(i), Some([i as i64; 40]));
        }
        let m = M::new(uint8(), uint8(), 0);
        for i in 0..=255u8 {
            m.set(i, i.wrapping_mul(3));
        }
        assert_eq!(m.len(), 256);
        assert!((0..=255u8).all(|i| m.get::<u8, u8>(i) == Some(i.wrapping_mul(3))));
    }

    #[test]
    fn iteration_order_is_random() {
        let m = M::new(int64(), int64(), 0);
        for i in 0..50i64 {
            m.set(i, i);
        }
        let orders: HashSet<Vec<i64>> = (0..20)
            .map(|_| {
                m.iter::<i64, i64>(|_, _| {})
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect()
            })
            .collect();
        assert!(orders.len() > 1);
        // Small maps too (one group): the start slot varies.
        let m = M::new(int64(), int64(), 0);
        for i in 0..5i64 {
            m.set(i, i);
        }
        let firsts: HashSet<i64> = (0..50)
            .map(|_| m.iter::<i64, i64>(|_, _| {})[0].0)
            .collect();
        assert!(firsts.len() > 1);
    }

    #[test]
    fn iteration_with_deletes_and_growth() {
        for trial in 0..20 {
            let m = M::new(int64(), int64(), 0);
            for i in 0..1000i64 {
                m.set(i, i);
            }
            let mut deleted = HashSet::new();
            let mut seen = Vec::new();
            let mut next_new = 10_000i64;
            let got = m.iter::<i64, i64>(|k, _| {
                seen.push(k);
                // Delete some entry not yet seen (and not this one).
                let victim = (k * 31 + trial) % 1000;
                if victim != k && !seen.contains(&victim) {
                    m.del(victim);
                    deleted.insert(victim);
                }
                // Insert enough to force several growths during iteration.
                for _ in 0..5 {
                    m.set(next_new, next_new);
                    next_new += 1;
                }
                // Update the current entry through the map.
                m.set(k, k + 1_000_000);
            });
            let keys: Vec<i64> = got.iter().map(|&(k, _)| k).collect();
            let uniq: HashSet<i64> = keys.iter().copied().collect();
            assert_eq!(uniq.len(), keys.len(), "an entry was produced twice");
            for i in 0..1000i64 {
                if !deleted.contains(&i) {
                    assert!(uniq.contains(&i), "missing {i}");
                } else {
                    // Deleted before being reached => not produced.
                    let pos = keys.iter().position(|&k| k == i);
                    if let Some(p) = pos {
                        // It was produced before the delete happened.
                        let del_at = keys
                            .iter()
                            .position(|&k| (k * 31 + trial) % 1000 == i)
                            .unwrap();
                        assert!(p < del_at);
                    }
                }
            }
            // Values read during iteration are live: every original key
            // seen after a growth has its original value (updates happen
            // after reading).
            for &(k, v) in &got {
                if k < 1000 {
                    assert_eq!(v, k);
                }
            }
        }
    }

    #[test]
    fn iteration_sees_live_elements_after_growth() {
        let m = M::new(int64(), int64(), 0);
        for i in 0..100i64 {
            m.set(i, 0i64);
        }
        let mut first = true;
        let got = m.iter::<i64, i64>(|_, _| {
            if first {
                first = false;
                // Grow the map a lot, then update every original key.
                for j in 1000..5000i64 {
                    m.set(j, 0i64);
                }
                for j in 0..100i64 {
                    m.set(j, 7i64);
                }
            }
        });
        let originals: Vec<_> = got.iter().filter(|(k, _)| *k < 100).collect();
        assert_eq!(originals.len(), 100);
        // Everything after the first produced entry reflects the update.
        assert!(originals.iter().skip(1).all(|&&(_, v)| v == 7));
    }

    #[test]
    fn clear_during_iteration_stops_it() {
        let m = M::new(int64(), int64(), 0);
        for i in 0..100i64 {
            m.set(i, i);
        }
        let mt = m.mt;
        let h = m.h;
        let got = m.iter::<i64, i64>(|_, _| unsafe { mapclear(mt, h) });
        assert_eq!(got.len(), 1);
        assert_eq!(m.len(), 0);
    }

    #[test]
    fn matches_std_hashmap_randomised() {
        let m = M::new(int64(), int64(), 0);
        let mut r: HashMap<i64, i64> = HashMap::new();
        let mut x = 12345u64;
        for step in 0..200_000i64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let k = (x % 5000) as i64;
            match x % 3 {
                0 => {
                    m.set(k, step);
                    r.insert(k, step);
                }
                1 => {
                    m.del(k);
                    r.remove(&k);
                }
                _ => assert_eq!(m.get::<i64, i64>(k), r.get(&k).copied()),
            }
            assert_eq!(m.len() as usize, r.len());
        }
        let mut got = m.iter::<i64, i64>(|_, _| {});
        got.sort();
        let mut want: Vec<_> = r.into_iter().collect();
        want.sort();
        assert_eq!(got, want);
    }
}

#[cfg(test)]
mod bench {
    use super::*;
    use crate::alg::testtypes::*;
    use crate::types::kind;

    /// `cargo test --release -p rgo-runtime -- --ignored --nocapture map_bench`
    /// (compare with the same loop in Go: 1M int64 inserts, 10M lookups).
    #[test]
    #[ignore]
    fn map_bench() {
        let t = basic("map", kind::MAP, 8, tflag::DIRECT_IFACE) as *const Type as *mut Type;
        // SAFETY: freshly leaked descriptor.
        let mt = unsafe {
            (*t).key = int64();
            (*t).elem = int64();
            &*t
        };
        let start = std::time::Instant::now();
        // SAFETY: int64 -> int64 map operations.
        unsafe {
            let h = makemap(mt, 0);
            for i in 0..1_000_000i64 {
                *(mapassign(mt, h, &i as *const i64 as *const u8) as *mut i64) = i;
            }
            let ins = start.elapsed();
            let mut sum = 0i64;
            for i in 0..10_000_000i64 {
                let k = i % 2_000_000;
                let p = mapaccess(mt, h, &k as *const i64 as *const u8);
                if !p.is_null() {
                    sum += *(p as *const i64);
                }
            }
            eprintln!(
                "insert 1M: {:?}, lookup 10M: {:?} (sum {sum})",
                ins,
                start.elapsed() - ins
            );
        }
    }
}
