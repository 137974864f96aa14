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

int64_t rec(int64_t) __asm__("main.rec");
int64_t bigrec(int64_t) __asm__("main.bigrec");
int64_t sum(int64_t) __asm__("main.sum");
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
