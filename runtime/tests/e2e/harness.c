/* End-to-end harness for rgo-runtime without the compiler: defines
 * main.init and main.main as generated code would, dispatching on
 * $RGO_TEST, and calls the runtime's exported entry points. Compiled
 * without split-stack (like //go:nosplit code); the split-stack functions
 * live in split.ll. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RT(name) __asm__("runtime." #name)
void printlock(void) RT(printlock);
void printunlock(void) RT(printunlock);
void printsp(void) RT(printsp);
void printnl(void) RT(printnl);
void printbool(int8_t) RT(printbool);
void printint(int64_t) RT(printint);
void printuint(uint64_t) RT(printuint);
void printhex(uint64_t) RT(printhex);
void printfloat(double) RT(printfloat);
void printfloat32(float) RT(printfloat32);
void printcomplex(double, double) RT(printcomplex);
void printcomplex64(float, float) RT(printcomplex64);
void printstring(const char *, int64_t) RT(printstring);
void printpointer(const void *) RT(printpointer);
void printslice(const void *, int64_t, int64_t) RT(printslice);
void printeface(const void *, const void *) RT(printeface);
void printiface(const void *, const void *) RT(printiface);
void gopanic(const void *, void *) RT(gopanic);
void panicIndex(int64_t, int64_t) RT(panicIndex);
void panicSlice(uint32_t, int64_t, int64_t) RT(panicSlice);
void panicdivide(void) RT(panicdivide);
void panicshift(void) RT(panicshift);
void throw_(const char *, int64_t) RT(throw);
void rt_exit(int64_t) RT(exit);
void rgo_stackguard_poison(void);
void panicdottype(const void *, const void *, const void *) RT(panicdottype);

int64_t rec(int64_t) __asm__("main.rec");
int64_t bigrec(int64_t) __asm__("main.bigrec");
int64_t sum(int64_t) __asm__("main.sum");
int64_t growptr(int64_t, int64_t *) __asm__("main.growptr");
double args(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, double, double,
            double, double, double, double, double, double) __asm__("main.args");

/* runtime/src/types.rs layout */
typedef struct { const char *p; int64_t n; } GoString;
typedef struct Type Type;
typedef struct { GoString name; const Type *typ; uint64_t offset; GoString tag; uint64_t embedded; } FieldDesc;
typedef struct { GoString name; const Type *mtyp; const void *ifn; } MethodDesc;
struct Type {
  uint64_t size, ptrdata;
  uint32_t hash;
  uint8_t tflag, align, field_align, kind;
  const void *equal, *gcdata;
  GoString name, pkgpath;
  const Type *elem, *key;
  uint64_t len;
  const FieldDesc *fields;
  uint64_t nfields, nin;
  const MethodDesc *methods;
  uint64_t nmethods;
};
#define S(lit) { lit, sizeof(lit) - 1 }
enum { NAMED = 1, DIRECT = 8 };
static const Type t_int = { 8, 0, 0, NAMED, 8, 8, 2, 0, 0, S("int"), S("") };
static const Type t_string = { 16, 8, 0, NAMED, 8, 8, 24, 0, 0, S("string"), S("") };
static const Type t_float64 = { 8, 0, 0, NAMED, 8, 8, 14, 0, 0, S("float64"), S("") };
static const Type t_E = { 16, 8, 0, NAMED, 8, 8, 24, 0, 0, S("main.E"), S("main") };
static const Type t_N = { 8, 0, 0, NAMED, 8, 8, 2, 0, 0, S("main.N"), S("main") };
static const Type t_C = { 16, 0, 0, NAMED, 8, 8, 16, 0, 0, S("main.C"), S("main") };
static const Type t_T = { 8, 0, 0, NAMED, 8, 8, 25, 0, 0, S("main.T"), S("main") };
static const FieldDesc errres[] = { { S("") , &t_string } };
static const Type t_errfn = { 8, 8, 0, DIRECT, 8, 8, 19, 0, 0, S("func() string"), S(""), 0, 0, 0, errres, 1, 0 };
static GoString myerr_Error(void *recv) { (void)recv; GoString s = S("an error\nsecond line"); return s; }
static const MethodDesc myerr_methods[] = { { S("Error"), &t_errfn, (const void *)myerr_Error } };
static const Type t_pmyerr = { 8, 8, 0, NAMED | DIRECT, 8, 8, 22, 0, 0, S("*main.myErr"), S(""), 0, 0, 0, 0, 0, 0, myerr_methods, 1 };

static int inited;

/* --- interfaces, defer, recover (defer.ll) ---------------------------- */
typedef struct { const Type *inter, *typ; uint32_t hash, pad; const void *fun[]; } Itab;
const Itab *assertE2I(const Type *, const Type *) RT(assertE2I);
const Itab *assertE2I2(const Type *, const Type *) RT(assertE2I2);
void *mallocgc(uint64_t, const void *, uint8_t) RT(mallocgc);

static const Type t_fn = { 8, 8, 0, DIRECT, 8, 8, 19, 0, 0, S("func()"), S("") };
static const FieldDesc error_imethods[] = { { S("Error"), &t_errfn } };
static const Type t_error = { 16, 16, 0, NAMED, 8, 8, 20, 0, 0, S("error"), S(""), 0, 0, 0, error_imethods, 1, 0 };
static const FieldDesc rterror_imethods[] = { { S("Error"), &t_errfn }, { S("RuntimeError"), &t_fn } };
static const Type t_rterror = { 16, 16, 0, NAMED, 8, 8, 20, 0, 0, S("runtime.Error"), S("runtime"), 0, 0, 0, rterror_imethods, 2, 0 };
static const FieldDesc I_imethods[] = { { S("M"), &t_fn }, { S("N"), &t_fn } };
static const Type t_I = { 16, 16, 0, NAMED, 8, 8, 20, 0, 0, S("main.I"), S("main"), 0, 0, 0, I_imethods, 2, 0 };
static const FieldDesc J_imethods[] = { { S("M"), &t_fn } };
static const Type t_J = { 16, 16, 0, NAMED, 8, 8, 20, 0, 0, S("main.J"), S("main"), 0, 0, 0, J_imethods, 1, 0 };
static const Type t_eface = { 16, 16, 0, 0, 8, 8, 20, 0, 0, S("interface {}"), S("") };
static void T_M(void *recv) { (void)recv; }
static const MethodDesc T_methods[] = { { S("M"), &t_fn, (const void *)T_M } };
static const Type t_TT = { 0, 0, 0, NAMED, 1, 1, 25, 0, 0, S("main.T"), S("main"), 0, 0, 0, 0, 0, 0, T_methods, 1 };
static const Type t_pTT = { 8, 8, 0, DIRECT, 8, 8, 22, 0, 0, S("*main.T"), S(""), &t_TT };
static const Type t_K1 = { 8, 0, 0, NAMED, 8, 8, 2, 0, 0, S("main.K"), S("main") };
static const Type t_K2 = { 8, 0, 0, NAMED, 8, 8, 2, 0, 0, S("main.K"), S("main") };

/* show(x any): nil, or "%T: Error()" (+ " (runtime.Error)") for errors,
 * or the string / int value. Uses runtime-built itabs. */
void rgo_test_show(const Type *t, void *data) {
  printlock();
  if (!t) {
    printstring("nil", 3);
  } else if (assertE2I2(&t_error, t)) {
    const Itab *e = assertE2I(&t_error, t);
    GoString (*f)(void *) = (GoString (*)(void *))e->fun[0];
    GoString s = f(data);
    printstring(t->name.p, t->name.n);
    printstring(": ", 2);
    printstring(s.p, s.n);
    if (assertE2I2(&t_rterror, t)) printstring(" (runtime.Error)", 16);
  } else if (t->kind == 24) {
    GoString *s = data;
    printstring(s->p, s->n);
  } else {
    printint(*(int64_t *)data);
  }
  printnl();
  printunlock();
}

void rgo_test_panicstr(const char *p) {
  GoString *s = mallocgc(sizeof *s, &t_string, 1);
  s->p = p;
  s->n = (int64_t)strlen(p);
  gopanic(&t_string, s);
}

void rgo_test_panicint(int64_t v) {
  int64_t *b = mallocgc(8, &t_int, 1);
  *b = v;
  gopanic(&t_int, b);
}

void rgo_test_assert(void) { assertE2I(&t_I, &t_TT); }

/* An error whose Error method panics. */
static GoString bad_Error(void *recv) { (void)recv; rgo_test_panicstr("inner"); return (GoString){0, 0}; }
static const MethodDesc bad_methods[] = { { S("Error"), &t_errfn, (const void *)bad_Error } };
static const Type t_bad = { 8, 0, 0, NAMED, 8, 8, 2, 0, 0, S("main.bad"), S("main"), 0, 0, 0, 0, 0, 0, bad_methods, 1 };

void deferorder(void) __asm__("main.deferorder");
int64_t recf(void) __asm__("main.recf");
void withdefer(const void *, const void *) __asm__("main.withdefer");
void faulty(const void *, int64_t, int64_t *, int64_t) __asm__("main.faulty");
void nestedframes(void) __asm__("main.nestedframes");
void deferloop(void) __asm__("main.deferloop");
extern const void *const rgo_test_cl_recshow, *const rgo_test_cl_indirect,
    *const rgo_test_cl_repanic, *const rgo_test_cl_recpanic_y,
    *const rgo_test_cl_recpanic_other, *const rgo_test_cl_panic_y,
    *const rgo_test_cl_thunk_recover, *const rgo_test_cl_thunk_helper,
    *const rgo_test_cl_callh, *const rgo_test_cl_recdrop, *const rgo_test_cl_thunk_tail;

static void ps(const char *s);

/* Defer/recover/iface cases; returns 0 if t is not one of them. */
static int defer_tests(const char *t) {
  if (!strcmp(t, "deferorder")) {
    deferorder();
  } else if (!strcmp(t, "recover")) {
    printint(recf()); printnl();
  } else if (!strcmp(t, "notdirect")) {
    withdefer(0, rgo_test_cl_indirect);
  } else if (!strcmp(t, "wrappers")) {
    withdefer(rgo_test_cl_thunk_helper, rgo_test_cl_thunk_recover);
  } else if (!strcmp(t, "tailrecover")) {
    withdefer(0, rgo_test_cl_recdrop);
    ps("after\n");
  } else if (!strcmp(t, "tailwrapped")) {
    withdefer(0, rgo_test_cl_thunk_tail);
    ps("after\n");
  } else if (!strcmp(t, "deferretrecover")) {
    withdefer(0, rgo_test_cl_callh);
  } else if (!strcmp(t, "repanic")) {
    withdefer(0, rgo_test_cl_repanic);
  } else if (!strcmp(t, "repanicdiff")) {
    withdefer(0, rgo_test_cl_recpanic_y);
  } else if (!strcmp(t, "nested")) {
    withdefer(0, rgo_test_cl_panic_y);
  } else if (!strcmp(t, "nestedrecover")) {
    withdefer(rgo_test_cl_recshow, rgo_test_cl_panic_y);
    rgo_test_panicstr("later");
  } else if (!strcmp(t, "nestedframes")) {
    nestedframes();
    ps("after\n");
  } else if (!strcmp(t, "deferloop")) {
    deferloop();
  } else if (!strcmp(t, "sigrecover")) {
    faulty(rgo_test_cl_recshow, 0, 0, 0);
    rgo_test_panicstr("later");
  } else if (!strcmp(t, "sigthenother")) {
    faulty(rgo_test_cl_recpanic_other, 0, 0, 0);
  } else if (!strcmp(t, "divrecover")) {
    faulty(rgo_test_cl_recshow, 1, 0, 0);
    ps("after\n");
  } else if (!strcmp(t, "idxrecover")) {
    faulty(rgo_test_cl_recshow, 2, 0, 0);
  } else if (!strcmp(t, "plainrecover")) {
    faulty(rgo_test_cl_recshow, 3, 0, 0);
  } else if (!strcmp(t, "panicnilrecover")) {
    faulty(rgo_test_cl_recshow, 4, 0, 0);
  } else if (!strcmp(t, "assertrecover")) {
    faulty(rgo_test_cl_recshow, 7, 0, 0);
  } else if (!strcmp(t, "nildefer")) {
    faulty(rgo_test_cl_recshow, 6, 0, 0);
  } else if (!strcmp(t, "printpanic")) {
    static int64_t v;
    gopanic(&t_bad, &v);
  } else if (!strcmp(t, "assertnil")) {
    assertE2I(&t_I, 0);
  } else if (!strcmp(t, "assertmissing")) {
    assertE2I(&t_I, &t_TT);
  } else if (!strcmp(t, "assertok")) {
    const Itab *m = assertE2I(&t_J, &t_TT);
    printbool(m == assertE2I2(&t_J, &t_TT) && m->fun[0] == (const void *)T_M && m->typ == &t_TT);
    printnl();
  } else if (!strcmp(t, "dottype")) {
    panicdottype(&t_string, &t_int, &t_eface);
  } else if (!strcmp(t, "dottypeI")) {
    panicdottype(&t_TT, &t_pTT, &t_J);
  } else if (!strcmp(t, "dottypenil")) {
    panicdottype(0, &t_TT, &t_J);
  } else if (!strcmp(t, "dottypescopes")) {
    panicdottype(&t_K1, &t_K2, &t_eface);
  } else {
    return 0;
  }
  return 1;
}

/* Recursion without stack checks (like //go:nosplit code): runs off the end
 * of the stack into the guard page; the SIGSEGV handler reports it as a
 * stack overflow. */
#pragma clang diagnostic ignored "-Winfinite-recursion"
static int64_t crec(int64_t n) {
  volatile int64_t a[8];
  a[n & 7] = n;
  return crec(n + 1) + a[3];
}

void main_init(void) __asm__("main.init");
void main_init(void) { inited = 1; }

static void ps(const char *s) { printstring(s, (int64_t)strlen(s)); }

void main_main(void) __asm__("main.main");
void main_main(void) {
  const char *t = getenv("RGO_TEST");
  if (!t) t = "print";
  if (defer_tests(t)) return;
  if (!strcmp(t, "print")) {
    /* println(inited==1, false, 42, -7, int64 min, uint64 max) etc. */
    printlock();
    printbool(inited == 1); printsp(); printbool(0); printsp();
    printint(42); printsp(); printint(-7); printsp(); printint(INT64_MIN); printsp();
    printuint(UINT64_MAX); printnl();
    printunlock();
    printlock();
    printfloat(1.5); printsp(); printfloat(-0.0); printsp(); printfloat(1e300); printsp();
    printfloat(5e-324); printsp(); printfloat(__builtin_nan("")); printsp();
    printfloat(__builtin_inf()); printsp(); printfloat(-__builtin_inf()); printsp();
    printfloat(123456789.0); printsp(); printfloat(0.000123); printsp();
    printfloat32(0.1f); printnl();
    printunlock();
    printlock();
    printcomplex(1.5, 2); printsp(); printcomplex64(0.1f, -3); printsp();
    ps("hello"); printsp(); printpointer(0); printsp(); printpointer((void *)0x1234); printsp();
    printslice((void *)0xc000010000, 2, 3); printsp();
    printeface((void *)0x51a5e8, (void *)0x485e70); printsp(); printiface(0, 0); printsp();
    printhex(255); printnl();
    printunlock();
  } else if (!strcmp(t, "sum")) {
    printint(sum(100000)); printnl();
  } else if (!strcmp(t, "growptr")) {
    static int64_t g = 7;
    int64_t r = growptr(50000, &g);
    printint(r); printsp(); printint(g); printnl();
  } else if (!strcmp(t, "resume")) {
    rgo_stackguard_poison();
    double r = args(1, 2, 3, 4, 5, 6, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5);
    printfloat(r); printnl();
    printint(sum(1000)); printnl();
  } else if (!strcmp(t, "rec")) {
    rec(0);
  } else if (!strcmp(t, "nosplitrec")) {
    crec(0);
  } else if (!strcmp(t, "bigrec")) {
    bigrec(0);
  } else if (!strcmp(t, "panicint")) {
    static int64_t v = 42;
    gopanic(&t_int, &v);
  } else if (!strcmp(t, "panicstr")) {
    static GoString v = S("boom\nline2");
    gopanic(&t_string, &v);
  } else if (!strcmp(t, "panicfloat")) {
    static double v = 1.5;
    gopanic(&t_float64, &v);
  } else if (!strcmp(t, "panicE")) {
    static GoString v = S("boom");
    gopanic(&t_E, &v);
  } else if (!strcmp(t, "panicN")) {
    static int64_t v = 42;
    gopanic(&t_N, &v);
  } else if (!strcmp(t, "panicC")) {
    static double v[2] = { 1, -2 };
    gopanic(&t_C, v);
  } else if (!strcmp(t, "panicT")) {
    static int64_t v = 1;
    gopanic(&t_T, &v);
  } else if (!strcmp(t, "panicerr")) {
    static int64_t obj;
    gopanic(&t_pmyerr, &obj);
  } else if (!strcmp(t, "panicnil")) {
    gopanic(0, 0);
  } else if (!strcmp(t, "index")) {
    panicIndex(5, 3);
  } else if (!strcmp(t, "indexneg")) {
    panicIndex(-1, 3);
  } else if (!strcmp(t, "slice")) {
    panicSlice(2, 7, 5);
  } else if (!strcmp(t, "slicebad")) {
    panicSlice(3, 3, 1);
  } else if (!strcmp(t, "divide")) {
    panicdivide();
  } else if (!strcmp(t, "divfault")) {
    volatile int64_t z = 0;
    printint(7 / z);
  } else if (!strcmp(t, "shift")) {
    panicshift();
  } else if (!strcmp(t, "nilderef")) {
    volatile int64_t *p = 0;
    printint(*p);
  } else if (!strcmp(t, "fault")) {
    volatile int64_t *p = (int64_t *)0xdeadbeef000;
    printint(*p);
  } else if (!strcmp(t, "throw")) {
    throw_("boom", 4);
  } else if (!strcmp(t, "exit")) {
    rt_exit(3);
  }
}
