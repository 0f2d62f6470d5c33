#!/bin/bash
# sobox -show-exports: the calling convention of each export read from
# DWARF (sobox/sig.c). Builds sig-cases.c and sig-asm.s with the LFI
# driver (-O2 -g) and compares each line with sig-cases.expected (by
# export name); then zlib's real library, a library without DWARF, and
# the option's errors. Usage: tests/sobox/sig.sh BUILD_DIR
# Prints one PASS:/FAIL:/SKIP: line per test and exits 0.
set -u
B=$(cd "${1:?usage: sig.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")" && pwd)
LFICC=$B/bin/x86_64-lfi-linux-musl-gcc
SOBOX=$B/bin/sobox
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: sobox-sig/$1"; }
failt() { echo "FAIL: sobox-sig/$1: $2"; }

# same NAME WANT-FILE GOT-FILE: the line of export NAME in both files
same() {
	local want got
	want=$(grep -F "$1: " "$2" | grep "^$1: ")
	got=$(grep -F "$1: " "$3" | grep "^$1: ")
	if [ -z "$got" ]; then
		failt "$4$1" "no line for it"
	elif [ "$want" != "$got" ]; then
		failt "$4$1" "got '$got', want '$want'"
	else
		pass "$4$1"
	fi
}

# --- the cases ------------------------------------------------------------
# (gcc's notes about ABI changes in old versions are expected)
if ! "$LFICC" -O2 -g -fPIC -shared -o libsig.lfi.so "$SRC/sig-cases.c" \
	"$SRC/sig-asm.s" 2> cc.err; then
	failt build-library "$(grep -v note: cc.err | head -3)"
	exit 0
fi
"$SOBOX" -show-exports libsig.lfi.so > got 2> err
st=$?
[ $st -eq 0 ] && [ ! -s err ] && pass exit-status || failt exit-status "exit $st: $(head -c 300 err)"
grep -v -e '^#' -e '^$' "$SRC/sig-cases.expected" > want
for name in $(cut -d: -f1 want); do
	same "$name" want got ""
done
extra=$(cut -d: -f1 got | grep -vxF -f <(cut -d: -f1 want))
[ -z "$extra" ] && pass no-other-exports || failt no-other-exports "$extra"
[ "$(wc -l < got)" -eq "$(wc -l < want)" ] && pass one-line-each ||
	failt one-line-each "$(wc -l < got) lines for $(wc -l < want) exports"

# DWARF 2 (member offsets as expressions) and 4 (old bit-field offsets)
# say the same
for v in 2 4; do
	if "$LFICC" -O2 -gdwarf-$v -fPIC -shared -o libsig$v.lfi.so "$SRC/sig-cases.c" \
		"$SRC/sig-asm.s" 2> cc.err &&
		"$SOBOX" -show-exports libsig$v.lfi.so > got$v 2> err; then
		d=$(diff got got$v)
		[ -z "$d" ] && pass dwarf$v-same || failt dwarf$v-same "$(echo "$d" | head -4)"
	else
		failt dwarf$v-same "$(grep -v note: cc.err | head -c 300) $(head -c 300 err)"
	fi
done

# --- zlib, built -g by tests/realcode ---------------------------------------
ZLIB=$B/realcode/lib/libz.lfi.so.1
if [ ! -f "$ZLIB" ]; then
	echo "SKIP: sobox-sig/zlib: $ZLIB not built (make check builds it)"
else
	cat > want-zlib <<'EOF'
deflateInit2_: int deflateInit2_(z_streamp, int, int, int, int, int, const char *, int)  [int 6, sse 0, stack 16, ptr args 0x1, stack ptrs 0, ret regs]
compress: int compress(Bytef *, uLongf *, const Bytef *, uLong)  [int 4, sse 0, stack 0, ptr args 0x7, ret regs]
crc32: uLong crc32(long unsigned int, const unsigned char *, uInt)  [int 3, sse 0, stack 0, ptr args 0x2, ret regs]
gzprintf: int gzprintf(gzFile, const char *, ...)  [int 6, sse 8, stack 64, ptr args 0x3, ret regs]
gzerror: const char *gzerror(gzFile, int *)  [int 2, sse 0, stack 0, ptr args 0x3, ret ptr]
inflateBack: int inflateBack(z_streamp, in_func, void *, out_func, void *)  [int 5, sse 0, stack 0, ptr args 0x1f, ret regs]
zlibVersion: const char *zlibVersion(void)  [int 0, sse 0, stack 0, ptr args 0x0, ret ptr]
EOF
	"$SOBOX" -show-exports "$ZLIB" > got-zlib 2> err
	st=$?
	[ $st -eq 0 ] && [ ! -s err ] && pass zlib/exit-status ||
		failt zlib/exit-status "exit $st: $(head -c 300 err)"
	for name in $(cut -d: -f1 want-zlib); do
		same "$name" want-zlib got-zlib zlib/
	done
	n=$(grep -c unknown got-zlib)
	[ "$n" -eq 0 ] && pass zlib/all-known || failt zlib/all-known "$n unknown: $(grep unknown got-zlib | head -3)"
fi

# --- no DWARF: every export gets the fallback --------------------------------
if "$LFICC" -O2 -fPIC -shared -o libnodw.lfi.so "$SRC/demo.c" 2> cc.err &&
	"$SOBOX" -show-exports libnodw.lfi.so > got-nodw 2> err; then
	n=$(grep -c ': unknown signature (no DWARF): all argument registers forwarded, no stack arguments$' got-nodw)
	[ "$n" -gt 0 ] && [ "$n" -eq "$(wc -l < got-nodw)" ] && [ ! -s err ] && pass no-dwarf ||
		failt no-dwarf "$(head -3 got-nodw) $(head -c 200 err)"
else
	failt no-dwarf "$(head -c 300 cc.err err)"
fi

# --- errors -------------------------------------------------------------------
"$SOBOX" -show-exports missing.lfi.so > out 2> err
st=$?
[ $st -eq 1 ] && [ "$(wc -l < err)" -eq 1 ] && grep -q '^sobox: missing.lfi.so: ' err && [ ! -s out ] &&
	pass missing-input || failt missing-input "exit $st: $(head -c 300 err)"
"$SOBOX" -show-exports > out 2> err
st=$?
[ $st -eq 2 ] && grep -q -- '-show-exports' err && pass usage || failt usage "exit $st: $(head -c 300 err)"
ls -A | grep -q '\.box\.so' && failt builds-nothing "$(ls -A)" || pass builds-nothing
exit 0
