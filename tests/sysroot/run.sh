#!/bin/bash
# Checks the sysroot that sysroot/build.sh BUILD_DIR produced (it does not
# build it: make does).
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
	n=$(grep -cE '^make(\[[0-9]+\])?: \*\*\* ' "$OBJ/make.log")
	if [ "$n" -eq 0 ]; then pass "no-failed-targets"
	else failt "no-failed-targets" "$n failed, first: $(grep -m1 -B1 -E '^make(\[[0-9]+\])?: \*\*\* ' "$OBJ/make.log" | head -1 | cut -c1-300)"
	fi
else
	failt "no-failed-targets" "$OBJ/make.log missing: run sysroot/build.sh $1"
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

# --- crt files, libc.so = ld-musl ------------------------------------------
L=$B/sysroot/lib
missing=""
for f in crt1.o rcrt1.o Scrt1.o crti.o crtn.o libc.so libm.a libpthread.a libdl.a; do
	[ -f "$L/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then pass "libs-and-crt-files"; else failt "libs-and-crt-files" "missing:$missing"; fi
if out=$("$VERIFY" "$L/crt1.o" "$L/rcrt1.o" "$L/Scrt1.o" "$L/crti.o" "$L/crtn.o" 2>&1); then
	pass "crt-files-verify"
else failt "crt-files-verify" "$(echo "$out" | head -1)"; fi
if [ "$(readlink "$L/ld-musl-x86_64.so.1")" = libc.so ]; then pass "ld-musl-is-libc.so"
else failt "ld-musl-is-libc.so" "ld-musl-x86_64.so.1 -> $(readlink "$L/ld-musl-x86_64.so.1")"; fi
# _start and _start_c: the runtime enters at e_entry, which must be a bundle start
for crt in crt1.o rcrt1.o Scrt1.o; do
	off=$(readelf -sW "$L/$crt" | awk '$8 == "_start" {print $2}')
	case $off in *[02468ace]0) pass "$crt-start-aligned" ;;
	*) failt "$crt-start-aligned" "_start at 0x$off" ;; esac
done
# libc.so: verifies (with the LFI note), entry _dlstart, no PLT, no
# DT_NEEDED, no undefined symbols but the dynamic linker's own, and the
# compiler builtins it needs (complex multiplication) came from libbuiltins.a
so() {
	"$VERIFY" "$L/libc.so" || return 1
	if readelf -SW "$L/libc.so" | grep -qE '\.i?plt'; then echo ".plt in libc.so"; return 1; fi
	if readelf -dW "$L/libc.so" | grep -q NEEDED; then echo "DT_NEEDED in libc.so"; return 1; fi
	local entry dl
	entry=$(readelf -hW "$L/libc.so" | awk '/Entry point/ {print $4}')
	dl=$(readelf -sW "$L/libc.so" | awk '$8 == "_dlstart" {print $2; exit}')
	[ "$((entry))" -eq "$((0x$dl))" ] && [ $((entry % 32)) -eq 0 ] ||
		{ echo "entry $entry, _dlstart 0x$dl"; return 1; }
	nm "$L/libc.so" | grep -q ' t __muldc3$' || { echo "__muldc3 not linked in"; return 1; }
}
if out=$(so 2>&1); then pass "libc.so"; else failt "libc.so" "$(echo "$out" | head -1)"; fi
# toolchain-notes' gate: all of libc.a in one static-pie, verified
printf 'int main(void) { return 0; }\n' > "$TMP/main.c"
if out=$("$B/bin/x86_64-lfi-linux-musl-gcc" -static-pie -o "$TMP/whole" "$TMP/main.c" \
	-Wl,--whole-archive -lc -Wl,--no-whole-archive 2>&1) && "$VERIFY" "$TMP/whole" >/dev/null; then
	pass "whole-libc-static-pie"
else failt "whole-libc-static-pie" "$(echo "$out" | head -1)"; fi
exit 0
