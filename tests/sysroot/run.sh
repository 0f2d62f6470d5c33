#!/bin/bash
# Checks the sysroot that sysroot/build.sh BUILD_DIR produced (it does not
# build it: that takes a while). Not part of `make check` (yet).
# Usage: tests/sysroot/run.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
VERIFY=$B/bin/lfi-verify
LIBC=$B/sysroot/lib/libc.a
OBJ=$B/sysroot-build
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

pass() { echo "PASS: sysroot/$1"; }
failt() { echo "FAIL: sysroot/$1: $2"; }

# --- the build itself ---------------------------------------------------
if [ -f "$OBJ/make.log" ]; then
	n=$(grep -c '^make: \*\*\* \[.*obj/' "$OBJ/make.log")
	if [ "$n" -eq 0 ]; then pass "no-failed-objects"
	else failt "no-failed-objects" "$n failed, first: $(grep -m1 -B1 '^make: \*\*\* \[.*obj/' "$OBJ/make.log" | head -1)"
	fi
else
	failt "no-failed-objects" "$OBJ/make.log missing: run sysroot/build.sh $1"
fi

if [ -f "$B/sysroot/include/stdio.h" ] && [ -f "$B/sysroot/include/bits/syscall.h" ]; then
	pass "headers"
else
	failt "headers" "$B/sysroot/include/stdio.h or bits/syscall.h missing"
fi

if [ ! -f "$LIBC" ]; then
	failt "libc.a" "$LIBC missing"
	exit 0
fi
pass "libc.a"

# --- every member verifies (names repeat in musl's libc.a: extract each
#     occurrence into its own directory) ---------------------------------
mkdir -p "$TMP/m"
ar t "$LIBC" > "$TMP/names"
count=$(wc -l < "$TMP/names")
(cd "$TMP/m" && ar x "$LIBC")   # the last occurrence of each name
sort "$TMP/names" | uniq -c | while read -r k name; do
	for ((i = 1; i < k; i++)); do
		mkdir -p "$TMP/m/dup$i"
		(cd "$TMP/m/dup$i" && ar xN "$i" "$LIBC" "$name")
	done
done
files=$(find "$TMP/m" -type f | wc -l)
if [ "$files" -eq "$count" ] && [ "$count" -gt 1000 ]; then
	pass "members ($count objects)"
else
	failt "members" "ar t lists $count, extracted $files (expected > 1000)"
fi

if out=$(cd "$TMP/m" && find . -type f -print0 | xargs -0 "$VERIFY" --first 2>&1); then
	pass "lfi-verify (all $files members)"
else
	failt "lfi-verify" "$(echo "$out" | grep -v ': accepted$' | head -1)"
fi

# --- what must be in it -------------------------------------------------
nm -g --defined-only "$LIBC" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u > "$TMP/syms"
missing=""
for s in memcpy memmove memset setjmp _setjmp longjmp _longjmp sigsetjmp \
	__clone __set_thread_area __syscall_cp_asm __unmapself __restore_rt \
	pthread_self vfork fesetround printf malloc; do
	grep -qx "$s" "$TMP/syms" || missing="$missing $s"
done
if [ -z "$missing" ]; then pass "symbols"; else failt "symbols" "not defined:$missing"; fi

# memcpy/memmove/memset/vfork come from musl's C files, not x86_64 .s
asm=""
for f in string/x86_64/memcpy string/x86_64/memmove string/x86_64/memset process/x86_64/vfork; do
	[ -e "$OBJ/obj/src/$f.lo" ] || [ -e "$OBJ/obj/src/$f.o" ] && asm="$asm $f"
done
if [ -z "$asm" ]; then pass "c-string-functions"; else failt "c-string-functions" "built from .s:$asm"; fi

# --- belt and braces (lfi-verify already rejects these) -----------------
objdump -d --no-show-raw-insn "$LIBC" > "$TMP/dis" 2>/dev/null
if grep -qE '^\s+[0-9a-f]+:\s+syscall' "$TMP/dis"; then
	failt "no-raw-syscall" "$(grep -m1 -E '^\s+[0-9a-f]+:\s+syscall' "$TMP/dis")"
else
	pass "no-raw-syscall"
fi
if grep -q '%fs:' "$TMP/dis"; then
	failt "no-fs" "$(grep -m1 '%fs:' "$TMP/dis")"
else
	pass "no-fs"
fi

# setjmp/sigsetjmp never store %r14, longjmp never loads it (the verifier
# rejects the load, not the store)
r14=$(awk '/^[0-9a-f]+ <(__setjmp|_setjmp|setjmp|sigsetjmp|__sigsetjmp|_longjmp|longjmp)>:/ {on = 1; next}
	/^[0-9a-f]+ </ {on = 0} /^$/ {on = 0}
	on && /mov[a-z]*[ \t]+%r14,|,%r14$/' "$TMP/dis")
if [ -z "$r14" ]; then pass "setjmp-no-r14"; else failt "setjmp-no-r14" "$(echo "$r14" | head -1)"; fi

# thread pointer: set through runtime call 16, read through runtime call 8
tp=$(awk '/^[0-9a-f]+ <__set_thread_area>:/ {on = 1; next} /^$/ {on = 0} on' "$TMP/dis")
if echo "$tp" | grep -q 'jmp\s\+\*0x10(%r14)'; then pass "set-thread-area-call-16"
else failt "set-thread-area-call-16" "no jmpq *16(%r14) in __set_thread_area"; fi
tp=$(awk '/^[0-9a-f]+ <pthread_self>:/ {on = 1; next} /^$/ {on = 0} on' "$TMP/dis")
if echo "$tp" | grep -q 'jmp\s\+\*0x8(%r14)'; then pass "pthread-self-call-8"
else failt "pthread-self-call-8" "no jmpq *8(%r14) in pthread_self"; fi

# every function symbol is bundle-aligned (toolchain-notes item 1; a masked
# call to a misaligned entry runs the start of its bundle)
mis=$(readelf -sW "$LIBC" 2>/dev/null | awk '
	/^File: / {f = $2}
	$4 == "FUNC" && $7 != "UND" && $7 != "ABS" {
		if ($2 !~ /[02468ace]0$/) print f ": " $8 " at 0x" $2 }')
if [ -z "$mis" ]; then pass "functions-aligned"
else failt "functions-aligned" "$(echo "$mis" | wc -l) misaligned, first: $(echo "$mis" | head -1)"; fi
exit 0
