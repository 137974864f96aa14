; Defer / panic / recover as rgoc's codegen must emit them (ABI v1,
; "Defer"), for the runtime's end-to-end test. Every Go-like function has
; "split-stack" and keeps frame pointers; functions calling recover are
; noinline. The Go each function stands for is in its comment.
;
; A deferring function: allocates a frame record (8-word jump buffer),
; calls runtime.setjmp (returns_twice) at entry; on 0 runs the body, on 1
; (a deferred call recovered a panic) skips to the return path; every
; return path calls runtime.deferreturn(frame) and returns its result slots.
; Memory that the setjmp() == 1 path reads (result slots) must be accessed
; with volatile loads there (and volatile stores in the body if it is not
; otherwise escaped before the setjmp call): LLVM's returns_twice support
; does not make it see the body's stores on that path.
; Closures: a pointer to an object whose first word is the code pointer,
; called as code(closure).

target triple = "x86_64-pc-linux-gnu"

declare i32 @"runtime.setjmp"(ptr) returns_twice
declare void @"runtime.deferproc"(ptr, ptr)
declare void @"runtime.deferreturn"(ptr)
declare { ptr, ptr } @"runtime.gorecover"(ptr)
declare void @"runtime.gopanic"(ptr, ptr) noreturn
declare void @"runtime.panicIndex"(i64, i64) noreturn
declare void @"runtime.panicPlain"(ptr, i64) noreturn
declare void @"runtime.printint"(i64)
declare void @"runtime.printnl"()
declare ptr @llvm.frameaddress.p0(i32)

; C helpers (harness.c): print an eface (nil, Error() text, string, int),
; panic with a string / an int.
declare void @rgo_test_show(ptr, ptr)
declare void @rgo_test_panicstr(ptr) noreturn
declare void @rgo_test_panicint(i64) noreturn
declare void @rgo_test_assert() noreturn

@s_boom = private constant [5 x i8] c"boom\00"
@s_y = private constant [2 x i8] c"y\00"
@s_x = private constant [2 x i8] c"x\00"
@s_other = private constant [6 x i8] c"other\00"
@s_nilmap = private constant [30 x i8] c"assignment to entry in nil map"

; --- deferred functions ---------------------------------------------------

; func(ctx) { println(ctx.v) }   closure {code, v}
define void @printval(ptr %ctx) #0 {
  %p = getelementptr { ptr, i64 }, ptr %ctx, i32 0, i32 1
  %v = load i64, ptr %p
  call void @"runtime.printint"(i64 %v)
  call void @"runtime.printnl"()
  ret void
}
@c0 = constant { ptr, i64 } { ptr @printval, i64 0 }
@c1 = constant { ptr, i64 } { ptr @printval, i64 1 }
@c2 = constant { ptr, i64 } { ptr @printval, i64 2 }
@c3 = constant { ptr, i64 } { ptr @printval, i64 3 }

; func() { show(recover()) }
define void @recshow(ptr %ctx) #1 {
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  %t = extractvalue { ptr, ptr } %e, 0
  %d = extractvalue { ptr, ptr } %e, 1
  call void @rgo_test_show(ptr %t, ptr %d)
  ret void
}
@cl_recshow = constant { ptr } { ptr @recshow }

; func() { show(recover()); *ctx.r = 7 }   closure {code, *int}
define void @recset(ptr %ctx) #1 {
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  %t = extractvalue { ptr, ptr } %e, 0
  %d = extractvalue { ptr, ptr } %e, 1
  call void @rgo_test_show(ptr %t, ptr %d)
  %rp = getelementptr { ptr, ptr }, ptr %ctx, i32 0, i32 1
  %r = load ptr, ptr %rp
  store i64 7, ptr %r
  ret void
}

; func helper() { show(recover()) }   (not called directly by the deferred call)
define void @helper() #1 {
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  %t = extractvalue { ptr, ptr } %e, 0
  %d = extractvalue { ptr, ptr } %e, 1
  call void @rgo_test_show(ptr %t, ptr %d)
  ret void
}
; func() { helper(); show(recover()) }
define void @indirect(ptr %ctx) #1 {
  call void @helper()
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  %t = extractvalue { ptr, ptr } %e, 0
  %d = extractvalue { ptr, ptr } %e, 1
  call void @rgo_test_show(ptr %t, ptr %d)
  ret void
}
@cl_indirect = constant { ptr } { ptr @indirect }

; func() { panic(recover()) }
define void @repanic(ptr %ctx) #1 {
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  %t = extractvalue { ptr, ptr } %e, 0
  %d = extractvalue { ptr, ptr } %e, 1
  call void @"runtime.gopanic"(ptr %t, ptr %d)
  unreachable
}
@cl_repanic = constant { ptr } { ptr @repanic }

; func() { recover(); panic(ctx.s) }   closure {code, *char}
define void @recpanic(ptr %ctx) #1 {
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  %sp = getelementptr { ptr, ptr }, ptr %ctx, i32 0, i32 1
  %s = load ptr, ptr %sp
  call void @rgo_test_panicstr(ptr %s)
  unreachable
}
@cl_recpanic_y = constant { ptr, ptr } { ptr @recpanic, ptr @s_y }
@cl_recpanic_other = constant { ptr, ptr } { ptr @recpanic, ptr @s_other }

; func() { panic(ctx.s) }
define void @dopanic(ptr %ctx) #0 {
  %sp = getelementptr { ptr, ptr }, ptr %ctx, i32 0, i32 1
  %s = load ptr, ptr %sp
  call void @rgo_test_panicstr(ptr %s)
  unreachable
}
@cl_panic_y = constant { ptr, ptr } { ptr @dopanic, ptr @s_y }

; Compiler wrappers live in section rgo_wrappers. `defer recover()` becomes
; a thunk calling recover itself: zero non-wrapper frames, returns nil.
define void @thunk_recover(ptr %ctx) #1 section "rgo_wrappers" {
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = notail call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  %t = extractvalue { ptr, ptr } %e, 0
  %d = extractvalue { ptr, ptr } %e, 1
  call void @rgo_test_show(ptr %t, ptr %d)
  ret void
}
@cl_thunk_recover = constant { ptr } { ptr @thunk_recover }
; `defer helper()` through two levels of wrappers: helper is then the one
; non-wrapper frame, and its recover works.
define void @thunk_inner() #1 section "rgo_wrappers" {
  call void @helper()
  ret void
}
define void @thunk_outer(ptr %ctx) #1 section "rgo_wrappers" {
  call void @thunk_inner()
  ret void
}
@cl_thunk_helper = constant { ptr } { ptr @thunk_outer }

; func() { recover() }: at -O2 the call becomes a tail jump (no notail
; here on purpose): the runtime must still see this function as the caller.
define void @recdrop(ptr %ctx) #1 {
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  ret void
}
@cl_recdrop = constant { ptr } { ptr @recdrop }
; `defer recdrop()` through a wrapper; recdrop tail-calls recover.
define void @thunk_tail(ptr %ctx) #1 section "rgo_wrappers" {
  call void @recdrop(ptr null)
  ret void
}
@cl_thunk_tail = constant { ptr } { ptr @thunk_tail }

; func h() { defer func() { show(recover()) }() }   (returns normally)
define void @h() #0 {
entry:
  %fr = alloca [8 x i64], align 8
  %j = call i32 @"runtime.setjmp"(ptr %fr) returns_twice
  %z = icmp eq i32 %j, 0
  br i1 %z, label %body, label %ret
body:
  call void @"runtime.deferproc"(ptr %fr, ptr @cl_recshow)
  br label %ret
ret:
  call void @"runtime.deferreturn"(ptr %fr)
  ret void
}
; func() { h(); show(recover()) }
define void @callh(ptr %ctx) #1 {
  call void @h()
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %e = call { ptr, ptr } @"runtime.gorecover"(ptr %fp)
  %t = extractvalue { ptr, ptr } %e, 0
  %d = extractvalue { ptr, ptr } %e, 1
  call void @rgo_test_show(ptr %t, ptr %d)
  ret void
}
@cl_callh = constant { ptr } { ptr @callh }

; --- deferring functions (called from harness.c) ---------------------------

; func deferorder() { defer println(1); defer println(2); defer println(3); println(0) }
define void @"main.deferorder"() #0 {
entry:
  %fr = alloca [8 x i64], align 8
  %j = call i32 @"runtime.setjmp"(ptr %fr) returns_twice
  %z = icmp eq i32 %j, 0
  br i1 %z, label %body, label %ret
body:
  call void @"runtime.deferproc"(ptr %fr, ptr @c1)
  call void @"runtime.deferproc"(ptr %fr, ptr @c2)
  call void @"runtime.deferproc"(ptr %fr, ptr @c3)
  call void @"runtime.printint"(i64 0)
  call void @"runtime.printnl"()
  br label %ret
ret:
  call void @"runtime.deferreturn"(ptr %fr)
  ret void
}

; func recf() (r int) {
;     defer println(1)
;     defer func() { show(recover()); r = 7 }()
;     panic("boom")
; }
define i64 @"main.recf"() #0 {
entry:
  %fr = alloca [8 x i64], align 8
  %r = alloca i64, align 8
  %cl = alloca { ptr, ptr }, align 8
  store i64 0, ptr %r
  %j = call i32 @"runtime.setjmp"(ptr %fr) returns_twice
  %z = icmp eq i32 %j, 0
  br i1 %z, label %body, label %ret
body:
  call void @"runtime.deferproc"(ptr %fr, ptr @c1)
  store ptr @recset, ptr %cl
  %clr = getelementptr { ptr, ptr }, ptr %cl, i32 0, i32 1
  store ptr %r, ptr %clr
  call void @"runtime.deferproc"(ptr %fr, ptr %cl)
  call void @rgo_test_panicstr(ptr @s_boom)
  unreachable
ret:
  call void @"runtime.deferreturn"(ptr %fr)
  ; volatile: LLVM does not know that setjmp's second return follows the
  ; body, and would forward the `store 0` above (it did: recf returned 0).
  %v = load volatile i64, ptr %r
  ret i64 %v
}

; func withdefer(d0, d1 func()) { defer d0(); defer d1(); panic("boom") }
; (a null d0/d1 is not deferred). The generic shape of the panic tests.
define void @"main.withdefer"(ptr %d0, ptr %d1) #0 {
entry:
  %fr = alloca [8 x i64], align 8
  %j = call i32 @"runtime.setjmp"(ptr %fr) returns_twice
  %z = icmp eq i32 %j, 0
  br i1 %z, label %body, label %ret
body:
  %n0 = icmp eq ptr %d0, null
  br i1 %n0, label %b1, label %def0
def0:
  call void @"runtime.deferproc"(ptr %fr, ptr %d0)
  br label %b1
b1:
  %n1 = icmp eq ptr %d1, null
  br i1 %n1, label %b2, label %def1
def1:
  call void @"runtime.deferproc"(ptr %fr, ptr %d1)
  br label %b2
b2:
  call void @rgo_test_panicstr(ptr @s_boom)
  unreachable
ret:
  call void @"runtime.deferreturn"(ptr %fr)
  ret void
}

; func(kind) { defer d(); <fault kind> }: 0 nil load, 1 divide by zero,
; 2 panicIndex(5, 3), 3 panicPlain, 4 panic(nil), 5 panic("boom"),
; 6 `var f func(); defer f()` (d ignored), 7 a failing x.(I) (harness.c)
define void @"main.faulty"(ptr %d, i64 %kind, ptr %nilp, i64 %zero) #0 {
entry:
  %fr = alloca [8 x i64], align 8
  %j = call i32 @"runtime.setjmp"(ptr %fr) returns_twice
  %z = icmp eq i32 %j, 0
  br i1 %z, label %body, label %ret
body:
  %isnil = icmp eq i64 %kind, 6
  %dd = select i1 %isnil, ptr null, ptr %d
  call void @"runtime.deferproc"(ptr %fr, ptr %dd)
  switch i64 %kind, label %ret [
    i64 0, label %k0
    i64 1, label %k1
    i64 2, label %k2
    i64 3, label %k3
    i64 4, label %k4
    i64 5, label %k5
    i64 7, label %k7
  ]
k0:
  %v = load volatile i64, ptr %nilp
  call void @"runtime.printint"(i64 %v)
  br label %ret
k1:
  %q = sdiv i64 7, %zero
  call void @"runtime.printint"(i64 %q)
  br label %ret
k2:
  call void @"runtime.panicIndex"(i64 5, i64 3)
  unreachable
k3:
  call void @"runtime.panicPlain"(ptr @s_nilmap, i64 30)
  unreachable
k4:
  call void @"runtime.gopanic"(ptr null, ptr null)
  unreachable
k5:
  call void @rgo_test_panicstr(ptr @s_boom)
  unreachable
k7:
  call void @rgo_test_assert()
  unreachable
ret:
  call void @"runtime.deferreturn"(ptr %fr)
  ret void
}

; func g() { defer println(2); panic("boom") }
define void @g() #0 {
entry:
  %fr = alloca [8 x i64], align 8
  %j = call i32 @"runtime.setjmp"(ptr %fr) returns_twice
  %z = icmp eq i32 %j, 0
  br i1 %z, label %body, label %ret
body:
  call void @"runtime.deferproc"(ptr %fr, ptr @c2)
  call void @rgo_test_panicstr(ptr @s_boom)
  unreachable
ret:
  call void @"runtime.deferreturn"(ptr %fr)
  ret void
}
; func nestedframes() { defer println(0); defer func() { show(recover()) }(); defer println(1); g(); println(9) }
define void @"main.nestedframes"() #0 {
entry:
  %fr = alloca [8 x i64], align 8
  %j = call i32 @"runtime.setjmp"(ptr %fr) returns_twice
  %z = icmp eq i32 %j, 0
  br i1 %z, label %body, label %ret
body:
  call void @"runtime.deferproc"(ptr %fr, ptr @c0)
  call void @"runtime.deferproc"(ptr %fr, ptr @cl_recshow)
  call void @"runtime.deferproc"(ptr %fr, ptr @c1)
  call void @g()
  call void @"runtime.printint"(i64 9)
  br label %ret
ret:
  call void @"runtime.deferreturn"(ptr %fr)
  ret void
}

; func deferloop() { for i := 0; i < 3; i++ { defer println(i) }; defer func() { show(recover()) }(); panic(9) }
define void @"main.deferloop"() #0 {
entry:
  %fr = alloca [8 x i64], align 8
  %j = call i32 @"runtime.setjmp"(ptr %fr) returns_twice
  %z = icmp eq i32 %j, 0
  br i1 %z, label %body, label %ret
body:
  call void @"runtime.deferproc"(ptr %fr, ptr @c0)
  call void @"runtime.deferproc"(ptr %fr, ptr @c1)
  call void @"runtime.deferproc"(ptr %fr, ptr @c2)
  call void @"runtime.deferproc"(ptr %fr, ptr @cl_recshow)
  call void @rgo_test_panicint(i64 9)
  unreachable
ret:
  call void @"runtime.deferreturn"(ptr %fr)
  ret void
}

; Closures the harness passes to main.withdefer / main.faulty.
@rgo_test_cl_recshow = constant ptr @cl_recshow
@rgo_test_cl_indirect = constant ptr @cl_indirect
@rgo_test_cl_repanic = constant ptr @cl_repanic
@rgo_test_cl_recpanic_y = constant ptr @cl_recpanic_y
@rgo_test_cl_recpanic_other = constant ptr @cl_recpanic_other
@rgo_test_cl_panic_y = constant ptr @cl_panic_y
@rgo_test_cl_thunk_recover = constant ptr @cl_thunk_recover
@rgo_test_cl_thunk_helper = constant ptr @cl_thunk_helper
@rgo_test_cl_callh = constant ptr @cl_callh
@rgo_test_cl_recdrop = constant ptr @cl_recdrop
@rgo_test_cl_thunk_tail = constant ptr @cl_thunk_tail

attributes #0 = { noinline "split-stack" "frame-pointer"="all" }
attributes #1 = { noinline "split-stack" "frame-pointer"="all" }
