#!/bin/sh
# End-to-end test of rgo-runtime: see README.md.
# usage: run.sh [path/to/librgo_runtime.a]   (default: <workspace>/target/debug)
set -u
here=$(cd "$(dirname "$0")" && pwd)
lib=${1:-$here/../../../target/debug/librgo_runtime.a}
CLANG=${CLANG:-clang-19}
CC=${CC:-cc}
work=$(mktemp -d "${TMPDIR:-/tmp}/rgo-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The link line the compiler driver uses (native libs from
# `cargo rustc -p rgo-runtime --lib --crate-type staticlib -- --print native-static-libs`).
$CLANG -O2 -c "$here/split.ll" -o "$work/split.o" || exit 1
$CLANG -O2 -c "$here/defer.ll" -o "$work/defer.o" || exit 1
$CLANG -O1 -Wall -c "$here/harness.c" -o "$work/harness.o" || exit 1
$CC -o "$work/prog" "$work/harness.o" "$work/split.o" "$work/defer.o" "$lib" \
    -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc || exit 1

fail=0
pass=0
# name  RGO_TEST  GOTRACEBACK  compare(full|report)
while read -r name test tb mode; do
    [ -z "$name" ] && continue
    case $tb in -) tb_env= ;; *) tb_env=$tb ;; esac
    if [ -n "$tb_env" ]; then
        GOTRACEBACK=$tb_env RGO_TEST=$test "$work/prog" >/dev/null 2>"$work/err"
    else
        env -u GOTRACEBACK RGO_TEST=$test "$work/prog" >/dev/null 2>"$work/err"
    fi
    rc=$?
    if [ "$mode" = full ]; then cp "$work/err" "$work/got"; else "$here/extract.sh" <"$work/err" >"$work/got"; fi
    echo "exit status $rc" >>"$work/got"
    if cmp -s "$work/got" "$here/expected/$name.txt"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name"
        diff "$here/expected/$name.txt" "$work/got" | sed 's/^/    /'
    fi
done <<CASES
print print - full
sum sum - full
growptr growptr - full
resume resume - full
rec rec - report
bigrec bigrec - report
nosplitrec nosplitrec - report
rec_none rec none report
panicint panicint - report
panicint_none panicint none report
panicstr panicstr - report
panicfloat panicfloat - report
panicE panicE - report
panicN panicN - report
panicC panicC - report
panicT panicT - report
panicerr panicerr - report
panicnil panicnil - report
index index - report
indexneg indexneg - report
slice slice - report
slicebad slicebad - report
divide divide - report
divfault divfault - report
shift shift - report
nilderef nilderef - report
fault fault - report
throw throw - report
exit exit - report
deferorder deferorder - full
recover recover - full
notdirect notdirect - full
wrappers wrappers - full
deferretrecover deferretrecover - full
tailrecover tailrecover - full
tailwrapped tailwrapped - full
repanic repanic - report
repanicdiff repanicdiff - report
nested nested - report
nestedrecover nestedrecover - report
nestedframes nestedframes - full
deferloop deferloop - full
sigrecover sigrecover - report
sigthenother sigthenother - report
divrecover divrecover - full
idxrecover idxrecover - full
plainrecover plainrecover - full
panicnilrecover panicnilrecover - full
assertrecover assertrecover - full
nildefer nildefer - report
printpanic printpanic - report
assertnil assertnil - report
assertmissing assertmissing - report
assertok assertok - full
dottype dottype - report
dottypeI dottypeI - report
dottypenil dottypenil - report
dottypescopes dottypescopes - report
CASES
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
