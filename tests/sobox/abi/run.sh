#!/bin/bash
# The ABI torture test of sobox (README.md beside this file): gen writes
# a library of generated functions and a driver calling each once; the
# driver's lines against the native library are the reference, the same
# lines must come from the LFI build run under lfi-run and through the
# trampolines of libtorture.box.so. Usage: tests/sobox/abi/run.sh BUILD_DIR
# (SOBOX_ABI_SEED picks another seed). One PASS:/FAIL: line per build
# step, per function and per control; exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")" && pwd)
LFICC=$B/bin/x86_64-lfi-linux-musl-gcc
SEED=${SOBOX_ABI_SEED:-1}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: sobox-abi/$1"; }
failt() { echo "FAIL: sobox-abi/$1: $2"; }

# step NAME COMMAND...: one PASS/FAIL line; the first error line on failure
step() {
	local name=$1
	shift
	if "$@" > "$name.log" 2>&1; then
		pass "build/$name"
	else
		failt "build/$name" "$(grep -m1 -E 'error|rror:' "$name.log" || head -c 300 "$name.log")"
		return 1
	fi
}

# The 32-byte vectors need AVX; without it gen leaves them out.
if grep -qw avx /proc/cpuinfo; then
	AVX=-mavx
	NOAVX=
else
	AVX=
	NOAVX=-noavx
	echo "SKIP: sobox-abi/avx: this CPU has no AVX; the 32-byte vector functions are left out"
fi

# Two refusals of lfi-rewrite met by this test, fixed since and kept as
# checks: vzeroupper after an %rsp realignment, a tail call to a .set
# alias (gcc's identical-code folding) after an %rsp adjustment.
if [ -n "$AVX" ]; then
	if "$LFICC" -O2 -mavx -c -o avx-frame.o "$SRC/avx-frame.c" 2> avx.err; then
		pass lfi-compiles-avx-frame
	else
		failt lfi-compiles-avx-frame "$(head -c 300 avx.err)"
	fi
fi
"$B/bin/lfi-rewrite" -o tail-alias.lfi.s "$SRC/tail-alias.s" 2> alias.err &&
	pass lfi-rewrites-tail-call-to-alias ||
	failt lfi-rewrites-tail-call-to-alias "$(head -c 300 alias.err)"

step gen gcc -std=gnu17 -O2 -Wall -o gen "$SRC/gen.c" || exit 0
./gen $NOAVX "$SEED" . > summary 2> gen.err && pass build/generate ||
	{ failt build/generate "$(head -c 300 gen.err)"; exit 0; }
sed 's/^/# /' summary

# The four compilations in parallel (two cores). The LFI object of
# torture.c goes both into libtorture.lfi.so and into the lfi-run
# program: that program checks the very code that sobox boxes.
LFIFLAGS="$AVX"
step native-library gcc -O2 $AVX -fPIC -shared -o libtorture.so torture.c & p1=$!
step lfi-object "$LFICC" -O2 -g $LFIFLAGS -fPIC -c -o torture.lfi.o torture.c & p2=$!
step native-driver gcc -O2 $AVX -c -o driver.o driver.c & p3=$!
step lfi-driver "$LFICC" -O2 $LFIFLAGS -c -o driver.lfi.o driver.c & p4=$!
ok=1
for p in $p1 $p2 $p3 $p4; do
	wait "$p" || ok=0
done
[ $ok = 1 ] || exit 0
step native-program gcc -o drv-native driver.o -L. -l:libtorture.so -Wl,-rpath,"$TMP" || exit 0
step lfi-library "$LFICC" -O2 -g -fPIC -shared -o libtorture.lfi.so torture.lfi.o || exit 0
step lfi-program "$LFICC" -static-pie -o drv-lfi driver.lfi.o torture.lfi.o
step box "$B/bin/sobox" -o libtorture.box.so libtorture.lfi.so &&
	step boxed-program gcc -o drv-boxed driver.o -L. -l:libtorture.box.so -Wl,-rpath,"$TMP"

N=$(awk '/^#define TORTURE_N /{ print $3 }' torture.h)
INPUTS=$(awk '/^#define TORTURE_INPUTS /{ print $3 }' torture.h)

# The reference: every function once, natively, to the end.
timeout 60 ./drv-native > native.out 2> native.err
if [ "$(grep -c '^t[0-9]* ' native.out)" = "$N" ] && ! grep -q CRASH native.out &&
	[ "$(tail -1 native.out)" = END ] && [ ! -s native.err ]; then
	pass native-run
else
	failt native-run "$(grep -m1 CRASH native.out; head -c 300 native.err)"
	exit 0
fi

# compare REFERENCE OTHER WHAT: per function of REFERENCE, PASS if OTHER
# has the same line, else FAIL with both lines (shortened)
compare() {
	awk -v what="$3" '
	function rest(s) {
		s = substr(s, index(s, " ") + 1)
		return length(s) > 150 ? substr(s, 1, 150) "..." : s
	}
	NR == FNR { if ($1 ~ /^t[0-9]+$/) got[$1] = $0; next }
	$1 ~ /^t[0-9]+$/ {
		o = ($1 in got) ? rest(got[$1]) : "(no line: the driver died)"
		if ($1 in got && got[$1] == $0)
			print "PASS: sobox-abi/" what "/" $1
		else
			print "FAIL: sobox-abi/" what "/" $1 ": native " rest($0) " " what " " o
	}' "$2" "$1"
}

# The LFI build of the same object, run as a program: the LFI compilation
# of torture.c agrees with native, independently of sobox.
if [ -x drv-lfi ]; then
	timeout 60 "$B/bin/lfi-run" ./drv-lfi > lfi.out 2> lfi.err
	if cmp -s native.out lfi.out; then
		pass lfi-run-matches-native
	else
		failt lfi-run-matches-native "$(compare native.out lfi.out lfi-run |
			grep -c ^FAIL) functions differ, first: $(compare native.out lfi.out lfi-run |
			grep -m1 ^FAIL | cut -c 1-400) $(head -c 200 lfi.err)"
	fi
fi

# Negative control: the driver flips one bit of input K of every call
# (the last element of an array or struct, the top bit of an integer,
# the lowest mantissa bit); for each K every line must change, or the
# comparison or the hash would let a wrong argument through.
undetected=0
for ((k = 0; k < INPUTS; k++)); do
	./drv-native -flip $k > flip.out 2>&1
	n=$(compare native.out flip.out flipped | grep -c ^PASS)
	[ "$k" = 0 ] && { [ "$n" = 0 ] && pass comparison-detects-a-difference ||
		failt comparison-detects-a-difference "$n functions unchanged by a flipped bit"; }
	[ "$n" = 0 ] || echo "# -flip $k: unchanged: $(compare native.out flip.out flipped |
		grep ^PASS | cut -d/ -f2 | tr '\n' ' ')"
	undetected=$((undetected + n))
done
[ $undetected = 0 ] && pass every-input-bit-changes-the-result ||
	failt every-input-bit-changes-the-result "$undetected calls unchanged (lines above)"

# Through the trampolines. A driver that dies is restarted past the
# function it died in (that one has no line and fails).
[ -x drv-boxed ] || exit 0
: > boxed.out
from=0
for ((try = 0; try < 50; try++)); do
	timeout 60 ./drv-boxed -from $from >> boxed.out 2>> boxed.err
	[ "$(tail -1 boxed.out)" = END ] && break
	last=$(grep -o '^t[0-9]*' boxed.out | tail -1 | tr -d t)
	if [ -n "$last" ] && [ $((10#$last)) -ge $from ]; then
		from=$((10#$last + 2))
	else
		from=$((from + 1))
	fi
	[ $from -lt "$N" ] || break
done
compare native.out boxed.out boxed

# Every call again from inside a callback of the library: the
# trampolines' nested path (a run in progress on the thread). No
# restarts: a death here fails the functions it did not reach.
timeout 60 ./drv-boxed -nested > nested.out 2> nested.err
compare native.out nested.out nested
exit 0
