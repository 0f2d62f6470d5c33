#!/bin/bash
# Tests of the driver's link step against the sysroot.
# Usage: tests/driver/link.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: link.sh BUILD_DIR}" && pwd)
CC=$B/bin/x86_64-lfi-linux-musl-gcc
VERIFY=$B/bin/lfi-verify
SYSROOT=$B/sysroot
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export TMPDIR=$TMP/tmp
mkdir -p "$TMPDIR"
cd "$TMP" || exit 0

pass() { echo "PASS: link/$1"; }
failt() { echo "FAIL: link/$1: $2"; }
line1() { head -1 "$1" | tr -d '\n'; }
# check NAME COMMAND...: PASS when the command succeeds, else its first line
check() {
	local name=$1; shift
	if out=$("$@" 2>&1); then pass "$name"; else failt "$name" "$(head -1 <<<"$out")"; fi
}

for f in crt1.o rcrt1.o Scrt1.o crti.o crtn.o libc.a libc.so libbuiltins.a; do
	if [ ! -e "$SYSROOT/lib/$f" ]; then
		failt sysroot "$SYSROOT/lib/$f missing"
		exit 0
	fi
done

cat > hello.c <<'C'
#include <stdio.h>
#include <stdlib.h>
int square(int);
int main(int argc, char **argv)
{
	printf("hello %d\n", square(argc));
	return argc > 5 ? EXIT_FAILURE : 0;
}
C
cat > square.c <<'C'
int square(int x) { return x * x; }
C
cat > lib.c <<'C'
#include <string.h>
static int calls;
int lib_count(const char *s) { calls++; return (int)strlen(s) + calls; }
int (*lib_pointer(void))(const char *) { return lib_count; }
C

# hex string -> number (mawk has no strtonum)
HEX='function hex(s,  i, v) { s = tolower(s); sub(/^0x/, "", s); v = 0
	for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v }
'
# The properties every linked output must have.
lfi_output() { # FILE
	"$VERIFY" "$1" || return 1
	readelf -nW "$1" | grep -q 'LFI .*0x0000000c' || { echo "no LFI note"; return 1; }
	if readelf -SW "$1" | grep -qE '\.i?plt'; then echo "PLT section"; return 1; fi
	readelf -sW "$1" | awk "$HEX"'$4 == "FUNC" && $7 != "UND" && hex($2) % 32 {
		print "misaligned " $8; bad = 1 } END { exit bad }' || return 1
	local entry; entry=$(readelf -hW "$1" | awk '/Entry point/ {print $4}')
	awk "$HEX"'BEGIN { exit hex("'"$entry"'") % 32 != 0 }' || { echo "entry $entry"; return 1; }
}

# --- static-pie -------------------------------------------------------------
static_pie() {
	"$CC" -O2 -static-pie -o hello-static hello.c square.c || return 1
	lfi_output hello-static || return 1
	readelf -hW hello-static | grep -q 'DYN (Position-Independent' || { echo "not PIE"; return 1; }
	if readelf -lW hello-static | grep -q INTERP; then echo "has PT_INTERP"; return 1; fi
	if readelf -dW hello-static | grep -q NEEDED; then echo "has DT_NEEDED"; return 1; fi
	nm hello-static | grep -q ' T printf$' || { echo "printf not linked in"; return 1; }
}
check static-pie static_pie
# -static means static-pie: LFI code is always position-independent
check static-is-static-pie sh -c '"$0" -static -o hello-s hello.c square.c &&
	readelf -hW hello-s | grep -q "DYN (Position-Independent" &&
	! readelf -lW hello-s | grep -q INTERP' "$CC"

# --- dynamic ----------------------------------------------------------------
dynamic() {
	"$CC" -O2 -o hello-dyn hello.c square.c || return 1
	lfi_output hello-dyn || return 1
	readelf -lW hello-dyn | grep -q 'interpreter: /lib/ld-musl-x86_64.so.1' ||
		{ echo "no musl interpreter"; return 1; }
	readelf -dW hello-dyn | grep -q 'NEEDED.*\[libc.so\]' || { echo "no libc.so"; return 1; }
}
check dynamic-pie dynamic
check default-output-a.out sh -c 'cd "$1" && rm -f a.out && "$0" hello.c square.c && [ -x a.out ]' "$CC" "$TMP"

# --- shared objects, and linking against them --------------------------------
shared() {
	"$CC" -O2 -fPIC -shared -Wl,-soname,libdemo.so.1 -o libdemo.so lib.c || return 1
	lfi_output libdemo.so || return 1
	readelf -dW libdemo.so | grep -q 'SONAME.*libdemo.so.1' || { echo "no soname"; return 1; }
	nm -D libdemo.so | grep -q ' T lib_count$' || { echo "lib_count not exported"; return 1; }
	printf 'int lib_count(const char *);\nint main(void) { return lib_count("x"); }\n' > uselib.c
	"$CC" -o uselib uselib.c -L. -ldemo || return 1
	readelf -dW uselib | grep -q 'NEEDED.*\[libdemo.so.1\]' || { echo "not linked to libdemo"; return 1; }
}
check shared shared
# a code pointer in data (the function returned by lib_pointer is in the GOT)
check shared-no-undefined-lc "$CC" -shared -fPIC -Wl,--no-undefined -o libdemo2.so lib.c

# --- thread-local variables --------------------------------------------------------
cat > tlsvars.c <<'C'
__thread int tls_count;
static __thread int tls_local = 5;
static __thread char tls_buf[16];
int tls_next(void) { return ++tls_count + tls_local++ + tls_buf[tls_count & 15]; }
int *tls_where(void) { return &tls_count; }
C
# -fPIC: general- and local-dynamic TLS, __tls_get_addr through the GOT
tls_shared() { # CFLAGS...
	rm -f libtlsv.so
	"$CC" "$@" -fPIC -shared -o libtlsv.so tlsvars.c || return 1
	lfi_output libtlsv.so || return 1
	local r; r=$(readelf -rW libtlsv.so)
	grep -q 'R_X86_64_DTPMOD64 .*tls_count' <<<"$r" || { echo "no DTPMOD64 for tls_count"; return 1; }
	grep -q 'R_X86_64_DTPOFF64 .*tls_count' <<<"$r" || { echo "no DTPOFF64 for tls_count"; return 1; }
	grep -q 'R_X86_64_GLOB_DAT .*__tls_get_addr' <<<"$r" || { echo "no GOT entry for __tls_get_addr"; return 1; }
	readelf -lW libtlsv.so | grep -q '^ *TLS ' || { echo "no PT_TLS"; return 1; }
}
check tls-shared-O2 tls_shared -O2
check tls-shared-O0-g tls_shared -O0 -g
check tls-shared-Os tls_shared -Os
# -fPIE: initial- and local-exec (runtime call 8 for the thread pointer);
# the extern variable comes from libtlsv.so through a TPOFF64 GOT entry
cat > tlsexe.c <<'C'
extern __thread int tls_count;
__thread long tls_mine = 3;
static __thread int tls_priv[4];
int *tls_where(void);
int main(int argc, char **argv)
{
	tls_priv[argc & 3] += argc;
	return (tls_where() == &tls_count) + tls_count + (int)tls_mine + tls_priv[1];
}
C
tls_static_pie() {
	"$CC" -O2 -static-pie -o tls-static tlsexe.c tlsvars.c || return 1
	lfi_output tls-static || return 1
	if readelf -rW tls-static | grep -q 'DTPMOD\|DTPOFF\|TPOFF'; then echo "TLS relocations left"; return 1; fi
	if nm tls-static | grep -q __tls_get_addr; then echo "__tls_get_addr linked in"; return 1; fi
}
check tls-static-pie tls_static_pie
tls_dynamic() {
	"$CC" -O2 -o tls-dyn tlsexe.c -L. -ltlsv || return 1
	lfi_output tls-dyn || return 1
	readelf -rW tls-dyn | grep -q 'R_X86_64_TPOFF64 .*tls_count' || { echo "no TPOFF64 for tls_count"; return 1; }
	if readelf -rW tls-dyn | grep -q DTPMOD; then echo "DTPMOD64 in the executable"; return 1; fi
}
check tls-dynamic-pie tls_dynamic
# --- inputs of every kind, in command-line order --------------------------------
cat > asmfn.s <<'S'
	.text
	.globl asmfn
	.type asmfn, @function
asmfn:
	movl (%rdi), %eax
	ret
S
mixed() {
	"$CC" -c -O2 square.c && ar rc libsq.a square.o || return 1
	printf 'int asmfn(int *);\nint square(int);\nint main(void) { int x = 3; return square(asmfn(&x)); }\n' > usemixed.c
	"$CC" -O2 -o mixed usemixed.c asmfn.s -L. -lsq -lm || return 1
	lfi_output mixed || return 1
	nm mixed | grep -q ' T asmfn$' && nm mixed | grep -q ' T square$'
}
check mixed-inputs mixed
# an archive before the object that needs it is not searched again (ld order)
order() {
	if "$CC" -o order -L. -lsq usemixed.c asmfn.s 2>err; then echo "linked"; return 1; fi
	grep -q "undefined reference to .square" err
}
check input-order-kept order

# --- -g survives the link: DWARF with the function and its parameters --------
debug() {
	"$CC" -O1 -g -static-pie -o hello-g hello.c square.c || return 1
	readelf --debug-dump=info hello-g 2>/dev/null | grep -A8 'DW_AT_name .*: square$' |
		grep -q 'DW_TAG_formal_parameter\|DW_AT_prototyped' || { echo "no DWARF for square"; return 1; }
}
check debug-info debug

# --- -nostdlib, -nostartfiles, -r -------------------------------------------------
cat > bare.c <<'C'
int bare(int x) { return x + 1; }
C
nostdlib() {
	"$CC" -O2 -fPIC -nostdlib -shared -o libbare.so bare.c || return 1
	lfi_output libbare.so || return 1
	if readelf -dW libbare.so | grep -q NEEDED; then echo "has DT_NEEDED"; return 1; fi
	if nm libbare.so | grep -q '_init$'; then echo "crt files linked"; return 1; fi
}
check nostdlib-shared nostdlib
relocatable() {
	"$CC" -O2 -r -o both.o bare.c square.c || return 1
	"$VERIFY" both.o || return 1
	readelf -hW both.o | grep -q 'REL (Relocatable' || { echo "not relocatable"; return 1; }
	if readelf -SW both.o | grep -q '\.note\.lfi'; then echo "note in -r output"; return 1; fi
}
check relocatable relocatable

# --- only the sysroot: no host library path, no host crt or libgcc --------------
no_host() {
	"$CC" -v -o hello-v hello.c square.c 2>err || return 1
	local ld; ld=$(grep '^ ld ' err)
	[ -n "$ld" ] || { echo "no ld command"; return 1; }
	if grep -qE '/usr/lib|crtbegin|libgcc|/lib64' <<<"$ld"; then echo "host file: $ld"; return 1; fi
	grep -q -- ' -nostdlib ' <<<"$ld" || { echo "ld searches default paths"; return 1; }
}
check only-sysroot no_host
check lgcc-is-builtins "$CC" -o hello-lgcc hello.c square.c -lgcc -lgcc_s
check print-libgcc-file-name test "$("$CC" -print-libgcc-file-name)" = "$SYSROOT/lib/libbuiltins.a"
check print-file-name-crt test "$("$CC" -print-file-name=crt1.o)" = "$SYSROOT/lib/crt1.o"
headers() {
	"$CC" -M hello.c > deps || return 1
	grep -q "$SYSROOT/include/stdio.h" deps || { echo "stdio.h not from the sysroot"; return 1; }
	if grep -q ' /usr/include' deps; then echo "host header: $(grep -o '/usr/include[^ ]*' deps | head -1)"; return 1; fi
}
check sysroot-headers headers

# --- gaps in code segments are int3 -----------------------------------------------
gaps() { # the bytes between the end of .init and the start of .text
	local init_end text_off
	# fields after the name: type, address, offset, size
	init_end=$(readelf -SW hello-static | awk "$HEX"'{ for (i = 1; i < NF; i++)
		if ($i == ".init") print hex($(i + 3)) + hex($(i + 4)) }')
	text_off=$(readelf -SW hello-static | awk "$HEX"'{ for (i = 1; i < NF; i++)
		if ($i == ".text") print hex($(i + 3)) }')
	[ "$init_end" -lt "$text_off" ] || { echo "no gap to check"; return 1; }
	local bytes; bytes=$(od -An -tx1 -v -j "$init_end" -N $((text_off - init_end)) hello-static | tr -d ' \n')
	[ -z "$(tr -d 'c' <<<"$bytes")" ] || { echo "gap bytes: $bytes"; return 1; }
}
check int3-gaps gaps

# --- failures: one line, non-zero, no output left -----------------------------------
refused() { # NAME PATTERN OUTPUT ARGS...
	local name=$1 want=$2 out=$3; shift 3
	rm -f "$out"
	"$CC" "$@" 2>err; local st=$?
	if [ $st -ne 0 ] && [ ! -e "$out" ] && grep -qE -- "$want" err &&
		[ -z "$(ls -A "$TMPDIR")" ] && ! ls .*.tmp-* >/dev/null 2>&1; then
		pass "$name"
	else failt "$name" "status $st: $(line1 err)"; fi
}
# host code: verifies as nothing
gcc -O2 -c -o host.o square.c
refused host-object "lfi-verify rejected the linked output: bad: 0x[0-9a-f]+: .*V3|V4|V5|V2" bad \
	-o bad hello.c host.o
printf 'int main(void) { return nothere(); }\n' > undef.c
refused undefined-symbol 'link failed' undef -o undef undef.c
refused missing-input 'nothere.o: No such file' out -o out hello.c nothere.o
# a PLT made by ld from a call@PLT in hand-written assembly
cat > pltcall.s <<'S'
	.text
	.globl pltcall
	.type pltcall, @function
pltcall:
	call external_fn@PLT
	ret
S
refused plt-section 'libplt.so: linker-made PLT code in section \.plt' libplt.so \
	-shared -o libplt.so pltcall.s
# objects made outside the driver that verify but break what the verifier
# cannot see: a misaligned function symbol, a misaligned code pointer
cat > misfn.s <<'S'
	.bundle_align_mode 5
	.text
	.p2align 5
	nop
	.globl misfn
	.type misfn, @function
misfn:
	int3
S
as --64 -o misfn.o misfn.s
refused misaligned-function 'libmis.so: (function|exported symbol) at 0x[0-9a-f]+ \(misfn\) is not bundle-aligned' \
	libmis.so -shared -nostdlib -o libmis.so misfn.o
cat > misptr.s <<'S'
	.bundle_align_mode 5
	.text
	.p2align 5
target:
	int3
	int3
	.data
	.quad target+1
S
as --64 -o misptr.o misptr.s
refused misaligned-code-pointer 'libptr.so: a code pointer to 0x[0-9a-f]+ is not bundle-aligned' \
	libptr.so -shared -nostdlib -o libptr.so misptr.o
# -fPIC code in an executable: ld relaxes GD/LD there by matching the bytes
# of gcc's sequence, which the rewrite changed; ld 2.40 refuses the
# transition (never a silent relaxation)
"$CC" -O2 -fPIC -c -o tlsvars-pic.o tlsvars.c
printf 'static __thread int s;\nint f(void) { return s++; }\n' > tlsld.c
"$CC" -O2 -fPIC -c -o tlsld-pic.o tlsld.c
printf 'int tls_next(void);\nint main(void) { return tls_next(); }\n' > usetls.c
refused tls-gd-in-pie 'TLS transition from R_X86_64_TLSGD to R_X86_64_GOTTPOFF against .tls_count' \
	tlsbad -O2 -o tlsbad usetls.c tlsvars-pic.o
refused tls-gd-in-static-pie 'TLS transition from R_X86_64_TLSGD to R_X86_64_GOTTPOFF against .tls_count' \
	tlsbad -O2 -static-pie -o tlsbad usetls.c tlsvars-pic.o
refused tls-ld-in-pie 'TLS transition from R_X86_64_TLSLD to R_X86_64_TPOFF32 against .s' \
	tlsbad -O2 -o tlsbad usetls.c tlsld-pic.o tlsvars.c
refused tls-gd-no-relax 'TLS transition from R_X86_64_TLSGD' \
	tlsbad -O2 -static-pie -Wl,--no-relax -o tlsbad usetls.c tlsvars-pic.o
refused tls-gd-compiled-in-link 'TLS transition from R_X86_64_TLSGD' \
	tlsbad -O2 -fPIC -o tlsbad usetls.c tlsvars.c
# --- what -Wl, flags and prebuilt objects could slip past the checks ---------
cat > ptrs.s <<'S'
	.bundle_align_mode 5
	.text
	.p2align 5
target:
	int3
	int3
	.data
	.p2align 3
	.quad target
	.quad target
	.quad target
	.quad target+1
	.quad target
S
as --64 -o ptrs.o ptrs.s
refused relr-refused 'libr.so: packed relative relocations' libr.so \
	-shared -nostdlib -Wl,-z,pack-relative-relocs -o libr.so ptrs.o
refused wl-no-pie-refused 'exe-nopie: not position-independent' exe-nopie \
	-O2 -static -Wl,-no-pie -o exe-nopie hello.c square.c
printf '\t.bundle_align_mode 5\n\t.text\n\t.p2align 5\nf:\n\tmovabsq $g, %%rax\n\tint3\n\t.data\ng:\n\t.quad 0\n' > textrel.s
as --64 -o textrel.o textrel.s
refused text-relocation-refused 'libtr.so: (relocation of code|text relocations)' libtr.so \
	-shared -nostdlib -Wl,-z,notext -o libtr.so textrel.o
# -s strips after the checks: a misaligned function is still found
refused strip-still-checked 'exe-s: function at 0x[0-9a-f]+ \(misfn\)' exe-s \
	-static -nostdlib -s -o exe-s misfn.o
check strip-strips sh -c '"$0" -O2 -static -s -o hello-stripped hello.c square.c &&
	! readelf -SW hello-stripped | grep -q "\.symtab"' "$CC"
refused wl-s-refused 'exe-wls: no symbol table' exe-wls \
	-O2 -static -Wl,-s -o exe-wls hello.c square.c
printf '\t.bundle_align_mode 5\n\t.text\n\t.p2align 5\n\tint3\n\t.globl lbl\nlbl:\n\tint3\n' > lbl.s
as --64 -o lbl.o lbl.s
refused entry-misaligned 'exe-e: entry point 0x[0-9a-f]+ is not bundle-aligned' exe-e \
	-static -nostdlib -Wl,-e,lbl -o exe-e lbl.o
refused init-misaligned 'libinit.so: (DT_INIT|exported symbol) at 0x[0-9a-f]+' libinit.so \
	-shared -nostdlib -Wl,-init,lbl -o libinit.so lbl.o
refused export-misaligned 'liblbl.so: exported symbol at 0x[0-9a-f]+ \(lbl\)' liblbl.so \
	-shared -nostdlib -o liblbl.so lbl.o
# a call that does not end at a bundle boundary, in an object made by plain as
printf '\t.bundle_align_mode 5\n\t.text\n\t.p2align 5\n\t.globl _start\n_start:\n\tnop\n\tcall _start\n\thlt\n' > callend.s
as --64 -o callend.o callend.s
refused call-end-refused 'exe-call: .*T call-end' exe-call -static -nostdlib -o exe-call callend.o
# every source is compiled, like gcc, before the link is abandoned
printf 'int broken1( {\n' > bad1.c
printf 'int broken2( {\n' > bad2.c
both() {
	if "$CC" -o both-bad bad1.c bad2.c 2>err; then echo "linked"; return 1; fi
	grep -q 'bad1.c:1' err && grep -q 'bad2.c:1' err || { echo "not both: $(head -c 200 err)"; return 1; }
	[ ! -e both-bad ]
}
check all-inputs-compiled both
exit 0
