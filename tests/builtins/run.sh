#!/bin/bash
# Tests of the compiler-builtins library (sysroot/builtins): the archive
# that sysroot/builtins/build.sh BUILD_DIR made (it does not build it),
# differential tests of the sources against the host's libgcc, and
# coverage of what gcc emits calls to.
# Usage: tests/builtins/run.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../../sysroot/builtins" && pwd)
LIB=$B/sysroot/lib/libbuiltins.a
CC=$B/bin/x86_64-lfi-linux-musl-gcc
VERIFY=$B/bin/lfi-verify
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

pass() { echo "PASS: builtins/$1"; }
failt() { echo "FAIL: builtins/$1: $2"; }

# Symbols gcc may emit calls to that libbuiltins.a deliberately does not
# define (see sysroot/builtins/README.md):
#  - _Float16 conversions (soft-float half precision; not done yet);
#  - 16-byte __atomic_* / __sync_* (libatomic's job, not libgcc's);
#  - __stack_chk_fail (musl's).
EXCLUDED='^(__extendhf[sdx]f2|__trunc[sdx]fhf2|__fix(uns)?hfti|__float(un)?tihf|__atomic_.*|__sync_.*_16|__stack_chk_fail)$'

# --- the archive -----------------------------------------------------------
if [ ! -f "$LIB" ]; then
	failt "libbuiltins.a" "$LIB missing: run sysroot/builtins/build.sh $1"
else
	pass "libbuiltins.a"
	mkdir -p "$TMP/m"
	(cd "$TMP/m" && ar x "$LIB")
	nsrc=$(ls "$SRC"/*.c | wc -l)
	nmem=$(ar t "$LIB" | wc -l)
	nfiles=$(ls "$TMP/m" | wc -l)
	if [ "$nmem" -eq "$nsrc" ] && [ "$nfiles" -eq "$nsrc" ]; then
		pass "members ($nmem objects, one per source)"
	else
		failt "members" "$nmem members, $nfiles distinct, $nsrc sources"
	fi

	if out=$(cd "$TMP/m" && "$VERIFY" --first ./*.o 2>&1); then
		pass "lfi-verify (all $nfiles members)"
	else
		failt "lfi-verify" "$(echo "$out" | head -1)"
	fi

	# Self-contained: nothing from libc or the host; only each other.
	nm --defined-only "$LIB" | awk 'NF == 3 && $2 ~ /[TDBR]/ { print $3 }' | sort -u > "$TMP/defined"
	nm -u "$LIB" | awk '$1 == "U" { print $2 }' | grep -v '^_GLOBAL_OFFSET_TABLE_$' | sort -u > "$TMP/undef"
	missing=$(comm -23 "$TMP/undef" "$TMP/defined" | tr '\n' ' ' | sed 's/ $//')
	if [ -z "$missing" ]; then pass "self-contained"
	else failt "self-contained" "members need $missing"
	fi

	# Hidden, like libgcc.a's: a shared library must not export them.
	vis=$(cd "$TMP/m" && readelf -sW ./*.o | awk '$5 == "GLOBAL" && $7 != "UND" && $6 != "HIDDEN" { print $8 }' | tr '\n' ' ')
	if [ -z "$vis" ]; then pass "hidden-visibility"
	else failt "hidden-visibility" "not hidden: $vis"
	fi

	# Functions start bundles (the rewriter aligns them; the linked
	# output is checked again later).
	bad=$(cd "$TMP/m" && readelf -sW ./*.o | awk '$4 == "FUNC" && $7 != "UND" { print $2, $8 }' |
		while read -r v n; do (( 0x$v % 32 )) && echo "$n"; done | tr '\n' ' ')
	if [ -z "$bad" ]; then pass "functions-bundle-aligned"
	else failt "functions-bundle-aligned" "$bad"
	fi
fi

# --- differential tests against the host libgcc, natively ----------------
mkdir -p "$TMP/host"
ok=1
for c in "$SRC"/*.c; do
	if ! gcc -O2 -fPIC -fvisibility=hidden -std=gnu17 -c "$c" -o "$TMP/host/$(basename "${c%.c}").o" 2> "$TMP/err"; then
		failt "diff/build" "$(basename "$c"): $(head -1 "$TMP/err")"
		ok=0
	fi
done
if [ "$ok" = 1 ]; then
	# One relocatable object, every symbol renamed my__x so it does not
	# clash with libgcc's __x (references between our files follow).
	if ld -r -o "$TMP/all.o" "$TMP"/host/*.o 2> "$TMP/err" &&
	   objcopy --prefix-symbols=my "$TMP/all.o" "$TMP/my.o" 2>> "$TMP/err" &&
	   gcc -std=gnu17 -O1 -o "$TMP/diff" "$HERE/diff.c" "$TMP/my.o" -lm 2>> "$TMP/err"; then
		"$TMP/diff" > "$TMP/diff.out" 2>&1
		st=$?
		cat "$TMP/diff.out"
		if [ "$st" -ne 0 ]; then failt "diff/run" "exit status $st"; fi
	else
		failt "diff/build" "$(head -1 "$TMP/err")"
	fi
fi

# --- coverage: what gcc emits calls to, compiled with the LFI driver ------
nm --defined-only "$LIB" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u > "$TMP/defined"
for s in "$HERE"/snippets/*.c; do
	name=$(basename "${s%.c}")
	extra=
	[ "$name" = trapv ] && extra=-ftrapv
	for O in -O0 -O2; do
		t="coverage/$name$O"
		if ! "$CC" $O $extra -c "$s" -o "$TMP/$name.o" 2> "$TMP/err"; then
			failt "$t" "driver failed: $(head -1 "$TMP/err")"
			continue
		fi
		nm -u "$TMP/$name.o" | awk '$1 == "U" && $2 ~ /^__/ { print $2 }' | sort -u > "$TMP/need"
		excl=$(grep -E "$EXCLUDED" "$TMP/need" | tr '\n' ' ' | sed 's/ $//')
		missing=$(grep -vE "$EXCLUDED" "$TMP/need" | comm -23 - "$TMP/defined" | tr '\n' ' ' | sed 's/ $//')
		n=$(grep -vcE "$EXCLUDED" "$TMP/need")
		if [ -n "$missing" ]; then failt "$t" "not in libbuiltins.a: $missing"
		else pass "$t ($n symbols${excl:+; excluded: $excl})"
		fi
	done
done
exit 0
