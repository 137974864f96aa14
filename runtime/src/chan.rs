//! Channels and select (gc's chan.go and select.go), on the M:N scheduler
//! of sched.rs.
//!
//! Mechanism: a channel value is a pointer to an [`HChan`] (null = nil
//! channel): a ring buffer of `dataqsiz` elements plus two FIFO wait queues
//! of [`Sudog`]s, parked receivers and parked senders. An operation that can
//! complete does so at once; when a goroutine waits on the other side, the
//! value goes directly between the two goroutines' element slots (a
//! receiver blocked on an empty buffer receives straight from the sender; a
//! sender blocked on a full buffer has its value moved into the slot the
//! receiver freed) and the waiter is readied (`goready`: it runs next).
//! Otherwise the goroutine enqueues a sudog pointing at its element slot and
//! parks; the goroutine that completes the operation sets `success` and
//! `G::param`. `close` wakes every waiter with success = false: receivers
//! get the zero value, senders panic.
//!
//! ABI (generated code; see ARCHITECTURE.md "Channels and goroutines"):
//! - `runtime.makechan(chantype *Type, size i64) -> *HChan`;
//!   `chantype.elem` is the element type. Panics `makechan: size out of
//!   range` (plainError) for a negative or too large size;
//! - the first two words of an HChan are `qcount` (len) and `dataqsiz`
//!   (cap): `len`/`cap` load them (nil channel: 0);
//! - `runtime.chansend1(c, elemptr)`: send `*elemptr`;
//! - `runtime.chanrecv1(c, elemptr)`: receive into `*elemptr` (null: drop);
//! - `runtime.chanrecv2(c, elemptr) -> u8`: the same, returns ok;
//! - `runtime.closechan(c)`;
//! - `runtime.selectgo(cases *Scase, ncases i64, block i64) -> {chosen
//!   i64, recvOK i64}`: `cases` is an array of {c, elemptr, dir (1 send, 2
//!   receive)} in source order without the default case; `block` is 0 when
//!   the select has a default, and then chosen = -1 means "take the
//!   default". Cases on nil channels never proceed; `select {}` is ncases 0.
//!
//! Locking (gc's): every operation holds the channel's `lock` (a futex
//! mutex, lock.rs) while it looks at the buffer and the wait queues; a
//! goroutine that must wait enqueues its sudog and parks with the lock
//! released by `gopark`'s unlock function after its registers are saved.
//! select locks all its channels in address order (each once), and after
//! a wakeup locks them again to take its remaining sudogs off the queues.
//! The first two words (len, cap) are read by generated code without the
//! lock, as gc's len(c) does.
//!
//! Invariants:
//! - the queues, the buffer, `sendx`/`recvx`/`qcount` and `closed` change
//!   only with `lock` held;
//! - a sudog of a parked goroutine lives on that goroutine's stack (its
//!   Rust frame in chansend/chanrecv/selectgo) and is unlinked from every
//!   queue before the goroutine returns from that frame; element pointers
//!   in sudogs point into parked goroutines' stacks; a stack moves only
//!   while its sudogs are off every queue (growth happens in Go code, not
//!   while parked; shrinking in `goready`, after the waker dequeued it),
//!   except a select's other sudogs, which are on the heap and listed in
//!   `G::waiting` so copystack adjusts their element pointers (gc's
//!   adjustsudogs);
//! - every element copy and clear goes through `copy_elem`/`zero_elem`,
//!   which run the write barrier (mbarrier.rs) first when elements hold
//!   pointers (buffer slots are heap memory; a direct send writes another
//!   goroutine's stack, which the collector may have scanned already);
//! - a select's sudogs have `is_select`; whoever completes one of them
//!   first sets the goroutine's `select_done`, and dequeue skips sudogs of
//!   goroutines whose select is already done.

use crate::proc::getg;
use crate::runtime2::G;
use crate::runtime2::WaitReason;
use crate::sched::{gopark, goready};
use crate::types::Type;
use core::ptr::{null, null_mut};
use core::sync::atomic::Ordering::Relaxed;

/// A goroutine waiting in a channel's queue.
#[repr(C)]
pub struct Sudog {
    pub g: *const G,
    pub next: *mut Sudog,
    pub prev: *mut Sudog,
    /// The waiter's element slot (may be null for a discarded receive).
    pub elem: *mut u8,
    pub c: *mut HChan,
    pub is_select: bool,
    /// The operation completed (false: woken by close).
    pub success: bool,
    /// Index of the select case this sudog belongs to.
    pub caseindex: usize,
}

impl Sudog {
    fn new(g: &G, elem: *mut u8, c: *mut HChan) -> Sudog {
        Sudog {
            g,
            next: null_mut(),
            prev: null_mut(),
            elem,
            c,
            is_select: false,
            success: false,
            caseindex: 0,
        }
    }
}

#[repr(C)]
pub struct WaitQ {
    first: *mut Sudog,
    last: *mut Sudog,
}

impl WaitQ {
    fn enqueue(&mut self, sg: *mut Sudog) {
        // SAFETY: sg and the queued sudogs are live (module invariants).
        unsafe {
            (*sg).next = null_mut();
            (*sg).prev = self.last;
            if self.last.is_null() {
                self.first = sg;
            } else {
                (*self.last).next = sg;
            }
        }
        self.last = sg;
    }

    /// The first waiter that can still proceed (gc's waitq.dequeue).
    fn dequeue(&mut self) -> Option<*mut Sudog> {
        loop {
            let sg = self.first;
            if sg.is_null() {
                return None;
            }
            // SAFETY: queued sudogs are live.
            unsafe {
                let y = (*sg).next;
                if y.is_null() {
                    self.first = null_mut();
                    self.last = null_mut();
                } else {
                    (*y).prev = null_mut();
                    self.first = y;
                }
                (*sg).next = null_mut();
                (*sg).prev = null_mut();
                if (*sg).is_select && (*(*sg).g).select_done.swap(1, Relaxed) != 0 {
                    // Another case of that select already fired.
                    continue;
                }
            }
            return Some(sg);
        }
    }

    /// Unlink `sg` if it is still queued (gc's dequeueSudoG).
    fn remove(&mut self, sg: *mut Sudog) {
        // SAFETY: sg and its neighbours are live.
        unsafe {
            let (x, y) = ((*sg).prev, (*sg).next);
            if !x.is_null() {
                if !y.is_null() {
                    (*x).next = y;
                    (*y).prev = x;
                } else {
                    (*x).next = null_mut();
                    self.last = x;
                }
            } else if !y.is_null() {
                (*y).prev = null_mut();
                self.first = y;
            } else if self.first == sg {
                self.first = null_mut();
                self.last = null_mut();
            }
            (*sg).next = null_mut();
            (*sg).prev = null_mut();
        }
    }
}

/// A channel (gc's hchan). `qcount` and `dataqsiz` must stay the first two
/// words (generated code loads them for len and cap).
#[repr(C)]
pub struct HChan {
    pub qcount: usize,
    pub dataqsiz: usize,
    pub buf: *mut u8,
    pub elemsize: usize,
    pub closed: u32,
    pub elemtype: *const Type,
    pub sendx: usize,
    pub recvx: usize,
    pub recvq: WaitQ,
    pub sendq: WaitQ,
    /// Zero (unlocked) in the fresh, zeroed allocation.
    pub lock: crate::lock::Mutex,
}

impl HChan {
    fn lock(&self) {
        self.lock.lock()
    }
    fn unlock(&self) {
        self.lock.unlock()
    }
}

/// gopark's unlock function for a channel.
unsafe fn unlock_chan(c: *mut u8) {
    // SAFETY: gopark passes the live channel.
    unsafe { (*(c as *mut HChan)).unlock() }
}

/// gc's maxAlloc on linux/amd64 (1 << 48).
const MAX_ALLOC: usize = 1 << 48;

/// A plainError panic (`panic: msg`, recover returns a runtime.Error).
fn plain_panic(msg: &'static [u8]) -> ! {
    crate::alg::plain_error(msg)
}

impl HChan {
    fn slot(&self, i: usize) -> *mut u8 {
        // SAFETY: i < dataqsiz; buf holds dataqsiz elements.
        unsafe { self.buf.add(i * self.elemsize) }
    }
}

impl HChan {
    /// Whether elements hold pointers (copies and clears need the write
    /// barrier: the buffer is in the heap, and a direct send writes into
    /// another goroutine's stack, which may have been scanned already).
    fn elem_has_pointers(&self) -> bool {
        // SAFETY: set by makechan to the element descriptor.
        !self.elemtype.is_null() && unsafe { (*self.elemtype).ptrdata } != 0
    }
}

/// Copies one element of `c` from `src` to `dst`.
///
/// # Safety
/// `dst`/`src` hold an element (or are unused when it has size 0).
unsafe fn copy_elem(c: &HChan, dst: *mut u8, src: *const u8) {
    let n = c.elemsize;
    if n != 0 && !dst.is_null() && !src.is_null() {
        if c.elem_has_pointers() {
            crate::mbarrier::wb_move(dst as usize, src as usize, n);
        }
        // SAFETY: forwarded.
        unsafe { core::ptr::copy(src, dst, n) }
    }
}

/// Clears one element of `c` at `dst`.
///
/// # Safety
/// `dst` holds an element or is null.
unsafe fn zero_elem(c: &HChan, dst: *mut u8) {
    let n = c.elemsize;
    if n != 0 && !dst.is_null() {
        if c.elem_has_pointers() {
            crate::mbarrier::wb_zero(dst as usize, n);
        }
        // SAFETY: forwarded.
        unsafe { core::ptr::write_bytes(dst, 0, n) }
    }
}

/// # Safety
/// `t` is a channel type descriptor.
#[export_name = "runtime.makechan"]
pub unsafe extern "C" fn makechan(t: *const Type, size: i64) -> *mut HChan {
    // SAFETY: the compiler passes a channel descriptor with elem set.
    let elem = unsafe { &*(*t).elem };
    let es = elem.size;
    if size < 0
        || (es != 0
            && (size as u64)
                .checked_mul(es as u64)
                .is_none_or(|n| n > (MAX_ALLOC - core::mem::size_of::<HChan>()) as u64))
    {
        plain_panic(b"makechan: size out of range");
    }
    let size = size as usize;
    // SAFETY: plain allocations of the sizes computed above.
    unsafe {
        let c = crate::malloc::mallocgc(core::mem::size_of::<HChan>(), null(), 1) as *mut HChan;
        let buf = if size * es == 0 {
            c as *mut u8
        } else {
            crate::malloc::mallocgc(size * es, elem, 1)
        };
        (*c).dataqsiz = size;
        (*c).buf = buf;
        (*c).elemsize = es;
        (*c).elemtype = elem;
        c
    }
}

/// Hand `ep` to the parked receiver `sg` and ready it (gc's send).
///
/// # Safety
/// c and sg are live; ep holds an element.
unsafe fn send_direct(c: &mut HChan, sg: *mut Sudog, ep: *const u8) {
    // SAFETY: forwarded.
    unsafe {
        copy_elem(c, (*sg).elem, ep);
        (*sg).success = true;
        let g = &*(*sg).g;
        g.param.store(sg as *mut u8, Relaxed);
        goready(g);
    }
}

/// Take a value from the parked sender `sg` into `ep` and ready it (gc's
/// recv): unbuffered, straight from the sender; buffered (then full), from
/// the head of the buffer, with the sender's value appended.
///
/// # Safety
/// c and sg are live; ep holds an element or is null.
unsafe fn recv_direct(c: &mut HChan, sg: *mut Sudog, ep: *mut u8) {
    // SAFETY: forwarded.
    unsafe {
        if c.dataqsiz == 0 {
            copy_elem(c, ep, (*sg).elem);
        } else {
            let qp = c.slot(c.recvx);
            copy_elem(c, ep, qp);
            copy_elem(c, qp, (*sg).elem);
            c.recvx += 1;
            if c.recvx == c.dataqsiz {
                c.recvx = 0;
            }
            c.sendx = c.recvx;
        }
        (*sg).success = true;
        let g = &*(*sg).g;
        g.param.store(sg as *mut u8, Relaxed);
        goready(g);
    }
}

/// Send without blocking if possible (the channel is not closed; lock
/// held). Returns true if done.
///
/// # Safety
/// c is live; ep holds an element.
unsafe fn try_send(c: &mut HChan, ep: *const u8) -> bool {
    if let Some(sg) = c.recvq.dequeue() {
        // SAFETY: forwarded.
        unsafe { send_direct(c, sg, ep) };
        return true;
    }
    if c.qcount < c.dataqsiz {
        // SAFETY: sendx < dataqsiz.
        unsafe { copy_elem(c, c.slot(c.sendx), ep) };
        c.sendx += 1;
        if c.sendx == c.dataqsiz {
            c.sendx = 0;
        }
        c.qcount += 1;
        return true;
    }
    false
}

/// Receive without blocking if possible: Some(ok) if done.
///
/// # Safety
/// c is live; ep holds an element or is null.
unsafe fn try_recv(c: &mut HChan, ep: *mut u8) -> Option<bool> {
    if let Some(sg) = c.sendq.dequeue() {
        // SAFETY: forwarded.
        unsafe { recv_direct(c, sg, ep) };
        return Some(true);
    }
    if c.qcount > 0 {
        let qp = c.slot(c.recvx);
        // SAFETY: recvx < dataqsiz; the slot holds an element.
        unsafe {
            copy_elem(c, ep, qp);
            zero_elem(c, qp);
        }
        c.recvx += 1;
        if c.recvx == c.dataqsiz {
            c.recvx = 0;
        }
        c.qcount -= 1;
        return Some(true);
    }
    if c.closed != 0 {
        // SAFETY: forwarded.
        unsafe { zero_elem(c, ep) };
        return Some(false);
    }
    None
}

/// gc's chansend with block = true.
///
/// # Safety
/// c is null or live; ep holds an element.
pub unsafe fn chansend(c: *mut HChan, ep: *const u8) {
    if c.is_null() {
        loop {
            gopark(WaitReason::ChanSendNilChan, None, null_mut());
        }
    }
    // SAFETY: c is live.
    let ch = unsafe { &mut *c };
    ch.lock();
    if ch.closed != 0 {
        ch.unlock();
        plain_panic(b"send on closed channel");
    }
    // SAFETY: forwarded.
    if unsafe { try_send(ch, ep) } {
        ch.unlock();
        return;
    }
    let g = getg();
    let mut sg = Sudog::new(g, ep as *mut u8, c);
    g.param.store(null_mut(), Relaxed);
    ch.sendq.enqueue(&mut sg);
    gopark(WaitReason::ChanSend, Some(unlock_chan), c as *mut u8);
    if !sg.success {
        // Woken by close.
        plain_panic(b"send on closed channel");
    }
}

/// gc's chanrecv with block = true; returns ok.
///
/// # Safety
/// c is null or live; ep holds an element or is null.
pub unsafe fn chanrecv(c: *mut HChan, ep: *mut u8) -> bool {
    if c.is_null() {
        loop {
            gopark(WaitReason::ChanReceiveNilChan, None, null_mut());
        }
    }
    // SAFETY: c is live.
    let ch = unsafe { &mut *c };
    ch.lock();
    // SAFETY: forwarded.
    if let Some(ok) = unsafe { try_recv(ch, ep) } {
        ch.unlock();
        return ok;
    }
    let g = getg();
    let mut sg = Sudog::new(g, ep, c);
    g.param.store(null_mut(), Relaxed);
    ch.recvq.enqueue(&mut sg);
    gopark(WaitReason::ChanReceive, Some(unlock_chan), c as *mut u8);
    sg.success
}

/// # Safety
/// c is a channel value; elem holds an element.
#[export_name = "runtime.chansend1"]
pub unsafe extern "C" fn chansend1(c: *mut HChan, elem: *const u8) {
    // SAFETY: forwarded.
    unsafe { chansend(c, elem) }
}

/// # Safety
/// c is a channel value; elem holds an element or is null.
#[export_name = "runtime.chanrecv1"]
pub unsafe extern "C" fn chanrecv1(c: *mut HChan, elem: *mut u8) {
    // SAFETY: forwarded.
    unsafe { chanrecv(c, elem) };
}

/// # Safety
/// c is a channel value; elem holds an element or is null.
#[export_name = "runtime.chanrecv2"]
pub unsafe extern "C" fn chanrecv2(c: *mut HChan, elem: *mut u8) -> u8 {
    // SAFETY: forwarded.
    unsafe { chanrecv(c, elem) as u8 }
}

/// # Safety
/// c is a channel value.
#[export_name = "runtime.closechan"]
pub unsafe extern "C" fn closechan(c: *mut HChan) {
    if c.is_null() {
        plain_panic(b"close of nil channel");
    }
    // SAFETY: c is live.
    let ch = unsafe { &mut *c };
    ch.lock();
    if ch.closed != 0 {
        ch.unlock();
        plain_panic(b"close of closed channel");
    }
    ch.closed = 1;
    // As gc: collect every waiter (receivers, then senders) on a list
    // (pushed at its head), then ready them.
    let mut glist: Vec<*mut Sudog> = Vec::new();
    while let Some(sg) = ch.recvq.dequeue() {
        // SAFETY: queued sudogs are live.
        unsafe {
            zero_elem(ch, (*sg).elem);
            (*sg).success = false;
        }
        glist.push(sg);
    }
    while let Some(sg) = ch.sendq.dequeue() {
        // SAFETY: as above.
        unsafe { (*sg).success = false };
        glist.push(sg);
    }
    for &sg in glist.iter() {
        // SAFETY: as above; set while the lock is held.
        unsafe { (*(*sg).g).param.store(sg as *mut u8, Relaxed) };
    }
    ch.unlock();
    for &sg in glist.iter().rev() {
        // SAFETY: as above; the sudog's goroutine stays parked (and its
        // stack in place) until this goready.
        unsafe { goready(&*(*sg).g) };
    }
}

// ---------------------------------------------------------------------------
// select

pub const CASE_SEND: u64 = 1;
pub const CASE_RECV: u64 = 2;

/// One case of a select statement as generated code lays it out.
#[repr(C)]
pub struct Scase {
    pub c: *mut HChan,
    /// Send: the value to send; receive: where to store it (may be null).
    pub elem: *mut u8,
    pub dir: u64,
}

#[repr(C)]
pub struct SelectResult {
    pub chosen: i64,
    pub recv_ok: i64,
}

/// # Safety
/// `cases` points at `ncases` valid cases.
#[export_name = "runtime.selectgo"]
pub unsafe extern "C" fn selectgo(cases: *mut Scase, ncases: i64, block: i64) -> SelectResult {
    let n = ncases.max(0) as usize;
    let cases: &[Scase] = if n == 0 {
        &[]
    } else {
        // SAFETY: the caller passes n cases.
        unsafe { core::slice::from_raw_parts(cases, n) }
    };
    let block = block != 0;
    if n == 0 {
        if !block {
            return SelectResult {
                chosen: -1,
                recv_ok: 0,
            };
        }
        loop {
            gopark(WaitReason::SelectNoCases, None, null_mut());
        }
    }
    if n == 1 && block {
        // gc compiles a one-case select to the plain channel operation
        // (same semantics, and the wait reason a deadlock report shows).
        let k = &cases[0];
        // SAFETY: forwarded.
        return unsafe {
            if k.dir == CASE_SEND {
                chansend(k.c, k.elem);
                SelectResult {
                    chosen: 0,
                    recv_ok: 0,
                }
            } else {
                let ok = chanrecv(k.c, k.elem);
                SelectResult {
                    chosen: 0,
                    recv_ok: ok as i64,
                }
            }
        };
    }
    // Poll the cases in a random order (gc's pollorder).
    let mut order: Vec<usize> = (0..n).filter(|&i| !cases[i].c.is_null()).collect();
    for i in (1..order.len()).rev() {
        let j = (crate::alg::rand() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    // Lock every channel once, in address order (gc's lockorder).
    let mut lockorder: Vec<*mut HChan> = order.iter().map(|&i| cases[i].c).collect();
    lockorder.sort_unstable();
    lockorder.dedup();
    sellock(&lockorder);
    for &i in &order {
        let k = &cases[i];
        // SAFETY: non-nil channel of a valid case.
        let ch = unsafe { &mut *k.c };
        if k.dir == CASE_SEND {
            if ch.closed != 0 {
                selunlock(&lockorder);
                plain_panic(b"send on closed channel");
            }
            // SAFETY: k.elem holds the value to send.
            if unsafe { try_send(ch, k.elem) } {
                selunlock(&lockorder);
                return SelectResult {
                    chosen: i as i64,
                    recv_ok: 0,
                };
            }
        // SAFETY: k.elem holds an element or is null.
        } else if let Some(ok) = unsafe { try_recv(ch, k.elem) } {
            selunlock(&lockorder);
            return SelectResult {
                chosen: i as i64,
                recv_ok: ok as i64,
            };
        }
    }
    if !block {
        selunlock(&lockorder);
        return SelectResult {
            chosen: -1,
            recv_ok: 0,
        };
    }
    // Park on every channel at once.
    let g = getg();
    g.select_done.store(0, Relaxed);
    g.param.store(null_mut(), Relaxed);
    let mut sgs: Vec<Sudog> = (0..n)
        .map(|i| Sudog::new(g, cases[i].elem, cases[i].c))
        .collect();
    for (i, sg) in sgs.iter_mut().enumerate() {
        if sg.c.is_null() {
            continue;
        }
        sg.is_select = true;
        sg.caseindex = i;
        // SAFETY: non-nil channel; sg lives in `sgs` until we return.
        unsafe {
            if cases[i].dir == CASE_SEND {
                (*sg.c).sendq.enqueue(sg);
            } else {
                (*sg.c).recvq.enqueue(sg);
            }
        }
    }
    g.waiting.store(sgs.as_mut_ptr(), Relaxed);
    g.nwaiting.store(n, Relaxed);
    gopark(
        WaitReason::Select,
        Some(selparkcommit),
        &mut lockorder as *mut Vec<*mut HChan> as *mut u8,
    );
    // Take the other sudogs off their queues with every lock held again
    // (this waits until selparkcommit, which may have let the waker in
    // with an early unlock, has released them all).
    sellock(&lockorder);
    g.waiting.store(null_mut(), Relaxed);
    g.nwaiting.store(0, Relaxed);
    let fired = g.param.swap(null_mut(), Relaxed) as *mut Sudog;
    let mut chosen = usize::MAX;
    for (i, sg) in sgs.iter_mut().enumerate() {
        if sg.c.is_null() {
            continue;
        }
        if core::ptr::eq(sg as *mut Sudog, fired) {
            chosen = i;
            continue;
        }
        // SAFETY: non-nil channel; sg may still be queued there.
        unsafe {
            if cases[i].dir == CASE_SEND {
                (*sg.c).sendq.remove(sg);
            } else {
                (*sg.c).recvq.remove(sg);
            }
        }
    }
    selunlock(&lockorder);
    if chosen == usize::MAX {
        crate::panic::throw_str(b"selectgo: bad wakeup");
    }
    let sg = &sgs[chosen];
    if cases[chosen].dir == CASE_SEND {
        if !sg.success {
            plain_panic(b"send on closed channel");
        }
        return SelectResult {
            chosen: chosen as i64,
            recv_ok: 0,
        };
    }
    SelectResult {
        chosen: chosen as i64,
        recv_ok: sg.success as i64,
    }
}

fn sellock(chans: &[*mut HChan]) {
    for &c in chans {
        // SAFETY: non-nil channels of the select.
        unsafe { (*c).lock() };
    }
}

fn selunlock(chans: &[*mut HChan]) {
    for &c in chans {
        // SAFETY: as above.
        unsafe { (*c).unlock() };
    }
}

/// gopark's unlock function for a select: release every channel. The list
/// (a Vec on the parked goroutine's stack) is read before the first
/// unlock: after it, a waker may ready the goroutine and move its stack.
unsafe fn selparkcommit(arg: *mut u8) {
    // SAFETY: gopark passes the select's lockorder vector.
    let (ptr, n) = unsafe {
        let v = &*(arg as *const Vec<*mut HChan>);
        (v.as_ptr(), v.len())
    };
    for i in 0..n {
        // SAFETY: the vector's heap buffer lives until the goroutine,
        // resumed, has locked every channel again, which needs this loop
        // to have released them all.
        unsafe { (**ptr.add(i)).unlock() };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alg::testtypes::{int64, ptr_to};

    fn chan_of_int64(size: i64) -> &'static mut HChan {
        // makechan only reads `elem` of the channel descriptor.
        let t = ptr_to(int64(), "chan int64");
        // SAFETY: t has an element type; the channel is leaked.
        unsafe { &mut *makechan(t, size) }
    }

    #[test]
    fn ring_buffer_wraps() {
        let c = chan_of_int64(3);
        assert_eq!((c.qcount, c.dataqsiz, c.elemsize), (0, 3, 8));
        let mut out: i64 = 0;
        for round in 0..5i64 {
            for k in 0..3 {
                let v = round * 10 + k;
                // SAFETY: v and out are i64 slots.
                assert!(unsafe { try_send(c, &v as *const i64 as *const u8) });
            }
            let v = 99i64;
            // SAFETY: as above.
            assert!(
                !unsafe { try_send(c, &v as *const i64 as *const u8) },
                "full"
            );
            assert_eq!(c.qcount, 3);
            for k in 0..3 {
                // SAFETY: as above.
                assert_eq!(
                    unsafe { try_recv(c, &mut out as *mut i64 as *mut u8) },
                    Some(true)
                );
                assert_eq!(out, round * 10 + k);
            }
            // SAFETY: as above.
            assert_eq!(
                unsafe { try_recv(c, &mut out as *mut i64 as *mut u8) },
                None,
                "empty"
            );
            // Shift the ring by one so every round starts elsewhere.
            // SAFETY: as above.
            unsafe {
                assert!(try_send(c, &round as *const i64 as *const u8));
                assert_eq!(try_recv(c, null_mut()), Some(true));
            }
        }
    }

    #[test]
    fn closed_channel_drains_then_yields_zero() {
        let c = chan_of_int64(2);
        let v = 7i64;
        let mut out = -1i64;
        // SAFETY: i64 slots.
        unsafe {
            assert!(try_send(c, &v as *const i64 as *const u8));
            closechan(c);
            assert_eq!(try_recv(c, &mut out as *mut i64 as *mut u8), Some(true));
            assert_eq!(out, 7);
            assert_eq!(try_recv(c, &mut out as *mut i64 as *mut u8), Some(false));
            assert_eq!(out, 0);
        }
    }

    #[test]
    fn waitq_fifo_and_remove() {
        let g = G::new(9);
        let mut q = WaitQ {
            first: null_mut(),
            last: null_mut(),
        };
        let mut s: Vec<Sudog> = (0..4)
            .map(|_| Sudog::new(&g, null_mut(), null_mut()))
            .collect();
        for (i, sg) in s.iter_mut().enumerate() {
            sg.caseindex = i;
        }
        let p: Vec<*mut Sudog> = s.iter_mut().map(|x| x as *mut Sudog).collect();
        for &x in &p {
            q.enqueue(x);
        }
        q.remove(p[1]);
        q.remove(p[3]);
        q.remove(p[3]); // not queued any more: no effect
                        // SAFETY: the sudogs live in `s`.
        let order: Vec<usize> = core::iter::from_fn(|| q.dequeue())
            .map(|x| unsafe { (*x).caseindex })
            .collect();
        assert_eq!(order, vec![0, 2]);
        // A select sudog whose select already fired is skipped.
        s[0].is_select = true;
        s[2].is_select = true;
        q.enqueue(p[0]);
        q.enqueue(p[2]);
        assert_eq!(q.dequeue(), Some(p[0]));
        assert_eq!(q.dequeue(), None, "same goroutine's select is done");
    }
}
