; Split-stack Go-like functions for the runtime's end-to-end test.
; Every function carries "split-stack", as rgoc's codegen emits them.

target triple = "x86_64-pc-linux-gnu"

declare void @"runtime.printint"(i64)
declare void @"runtime.printnl"()

; Runaway recursion with a small frame (< 256 bytes: prologue compares SP
; itself with %fs:0x70).
define i64 @"main.rec"(i64 %n) #0 {
entry:
  %a = alloca [8 x i64], align 8
  %idx = and i64 %n, 7
  %p = getelementptr [8 x i64], ptr %a, i64 0, i64 %idx
  store volatile i64 %n, ptr %p, align 8
  %n1 = add i64 %n, 1
  %r = call i64 @"main.rec"(i64 %n1)
  %q = getelementptr [8 x i64], ptr %a, i64 0, i64 3
  %v = load volatile i64, ptr %q, align 8
  %s = add i64 %r, %v
  ret i64 %s
}

; Runaway recursion with a large frame (>= 256 bytes: prologue compares
; SP - frame with %fs:0x70).
define i64 @"main.bigrec"(i64 %n) #0 {
entry:
  %a = alloca [512 x i64], align 8
  %idx = and i64 %n, 511
  %p = getelementptr [512 x i64], ptr %a, i64 0, i64 %idx
  store volatile i64 %n, ptr %p, align 8
  %n1 = add i64 %n, 1
  %r = call i64 @"main.bigrec"(i64 %n1)
  %q = getelementptr [512 x i64], ptr %a, i64 0, i64 3
  %v = load volatile i64, ptr %q, align 8
  %s = add i64 %r, %v
  ret i64 %s
}

; Bounded recursion: must run normally (the stack grows by copying from
; its first 8 KiB). The alloca is in the entry block, as rgoc emits all of
; them: a dynamic alloca would go through __morestack_allocate_stack_space.
define i64 @"main.sum"(i64 %n) #0 {
entry:
  %a = alloca [4 x i64], align 8
  %z = icmp eq i64 %n, 0
  br i1 %z, label %done, label %more
done:
  ret i64 0
more:
  store volatile i64 %n, ptr %a, align 8
  %n1 = sub i64 %n, 1
  %r = call i64 @"main.sum"(i64 %n1)
  %v = load volatile i64, ptr %a, align 8
  %s = add i64 %r, %v
  ret i64 %s
}

; Uses every integer and SSE argument register. Called with the stack guard
; poisoned, its prologue enters __morestack, which must preserve all of
; them and resume the body.
define double @"main.args"(i64 %a, i64 %b, i64 %c, i64 %d, i64 %e, i64 %f,
                           double %x0, double %x1, double %x2, double %x3,
                           double %x4, double %x5, double %x6, double %x7) #0 {
entry:
  %buf = alloca [4 x i64], align 8
  store volatile i64 %a, ptr %buf, align 8
  %s1 = add i64 %a, %b
  %s2 = mul i64 %s1, %c
  %s3 = add i64 %s2, %d
  %s4 = mul i64 %s3, %e
  %s5 = add i64 %s4, %f
  call void @"runtime.printint"(i64 %s5)
  call void @"runtime.printnl"()
  %y1 = fadd double %x0, %x1
  %y2 = fmul double %y1, %x2
  %y3 = fadd double %y2, %x3
  %y4 = fmul double %y3, %x4
  %y5 = fadd double %y4, %x5
  %y6 = fmul double %y5, %x6
  %y7 = fadd double %y6, %x7
  ret double %y7
}

attributes #0 = { noinline "split-stack" }

; Stack growth with pointers into the stack: every level passes the address
; of its local down and writes through its caller's after the call, so the
; pointer lives across the call in a callee-saved register (saved by
; __morestack in the MorestackFrame, or pushed by a callee's prologue) and
; in spilled words. Starts on goroutine 1's first stack and moves it many
; times.
define i64 @"main.growptr"(i64 %n, ptr %up) #0 {
entry:
  %loc = alloca [6 x i64], align 8
  store volatile i64 %n, ptr %loc, align 8
  %z = icmp eq i64 %n, 0
  br i1 %z, label %leaf, label %more
leaf:
  %v = load volatile i64, ptr %up, align 8
  %v1 = add i64 %v, 1
  store volatile i64 %v1, ptr %up, align 8
  ret i64 1
more:
  %n1 = sub i64 %n, 1
  %r = call i64 @"main.growptr"(i64 %n1, ptr %loc)
  %x = load volatile i64, ptr %loc, align 8
  %u = load volatile i64, ptr %up, align 8
  %u1 = add i64 %u, %x
  store volatile i64 %u1, ptr %up, align 8
  %s = add i64 %r, %x
  ret i64 %s
}
