#!/bin/bash
# Tests of the x86_64-lfi-linux-musl-gcc driver, compile side (linking:
# link.sh).
# Usage: tests/driver/run.sh BINDIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
BIN=$(cd "${1:?usage: run.sh BINDIR}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=$HERE/../rewriter/c
CC=$BIN/x86_64-lfi-linux-musl-gcc
VERIFY=$BIN/lfi-verify
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export TMPDIR=$TMP/tmp   # the driver's own temp directories, checked below
mkdir -p "$TMPDIR"

pass() { echo "PASS: driver/$1"; }
failt() { echo "FAIL: driver/$1: $2"; }
# one line of a file, for messages
line1() { head -1 "$1" | tr -d '\n'; }

if [ ! -x "$CC" ]; then
	failt build "$CC missing"
	exit 0
fi

# --- the C corpus at -O2 and -O0 -g, with -c ----------------------------
corpus() { # NAME FLAGS...
	local name=$1; shift
	local d=$TMP/$name bad=""
	mkdir -p "$d"
	for c in "$CORPUS"/*.c; do
		local b; b=$(basename "$c" .c)
		if ! (cd "$d" && "$CC" "$@" -c "$c" 2>"$b.err"); then
			bad="$b: $(line1 "$d/$b.err")"; break
		fi
		[ -f "$d/$b.o" ] || { bad="$b.o missing"; break; }
		local v
		v=$("$VERIFY" "$d/$b.o") || { bad="$b: lfi-verify: $(echo "$v" | head -1)"; break; }
		if [[ " $* " == *" -g "* ]] && ! readelf -SW "$d/$b.o" | grep -q '\.debug_info'; then
			bad="$b.o has no .debug_info"; break
		fi
	done
	[ -z "$bad" ] && pass "$name" || failt "$name" "$bad"
}
corpus corpus-O2 -O2
corpus corpus-O0-g -O0 -g

cd "$TMP" || exit 0
W=$TMP/w; mkdir -p "$W"; cd "$W" || exit 0
cat > hello.c <<'C'
#include "hello.h"
int counter;
int hello(int x) { return x * GREETING + counter; }
C
echo '#define GREETING 3' > hello.h
cat > two.c <<'C'
int two(int *p, int i) { return p[i] + 2; }
C

# --- -S: LFI assembly that assembles and verifies ---------------------------
if "$CC" -O2 -S -o hello.lfi.s hello.c 2>err && grep -q bundle_align_mode hello.lfi.s &&
	as --64 -o hello-S.o hello.lfi.s 2>>err && "$VERIFY" hello-S.o >>err; then
	pass S-assembles-verifies
else failt S-assembles-verifies "$(line1 err)"; fi

# -S default name: hello.s in the current directory
rm -f hello.s
if "$CC" -S hello.c 2>err && grep -q bundle_align_mode hello.s; then pass S-default-name
else failt S-default-name "$(line1 err)"; fi

# --- -E ----------------------------------------------------------------
if "$CC" -E -DEXTRA=7 hello.c 2>err | grep -q 'x \* 3'; then pass E-stdout
else failt E-stdout "$(line1 err)"; fi
if "$CC" -E -o hello.i hello.c 2>err && grep -q 'x \* 3' hello.i; then pass E-output
else failt E-output "$(line1 err)"; fi
# and the .i compiles
rm -f hello.o
if "$CC" -c hello.i 2>err && "$VERIFY" hello.o >/dev/null; then pass i-input
else failt i-input "$(line1 err)"; fi

# --- .s and .S inputs -----------------------------------------------------
cat > plain.s <<'S'
	.text
	.globl plain
	.type plain, @function
plain:
	movl (%rdi), %eax
	addl 4(%rdi,%rsi,4), %eax
	ret
S
cat > pre.S <<'S'
#define VAL 42
	.text
	.globl pre
	.type pre, @function
pre:
	movl $VAL, %eax
	movq %rax, 8(%rdi)
	ret
S
rm -f plain.o pre.o
if "$CC" -c plain.s 2>err && "$VERIFY" plain.o >/dev/null; then pass s-input
else failt s-input "$(line1 err)"; fi
if "$CC" -c pre.S 2>err && "$VERIFY" pre.o >/dev/null &&
	objdump -d pre.o | grep -q '\$0x2a'; then pass S-input
else failt S-input "$(line1 err)"; fi

# --- several inputs with -c, and -o with several inputs refused -------------
rm -f hello.o two.o plain.o
if "$CC" -O2 -c hello.c two.c plain.s 2>err && [ -f hello.o ] && [ -f two.o ] && [ -f plain.o ] &&
	"$VERIFY" hello.o two.o plain.o >/dev/null; then pass several-inputs
else failt several-inputs "$(line1 err)"; fi
"$CC" -c -o both.o hello.c two.c 2>err; st=$?
if [ $st -ne 0 ] && [ ! -e both.o ] && grep -q "cannot specify '-o'" err; then pass o-several-refused
else failt o-several-refused "status $st: $(line1 err)"; fi

# --- -x assembler - from stdin ---------------------------------------------
rm -f fromstdin.o
if "$CC" -c -x assembler -o fromstdin.o - < plain.s 2>err && "$VERIFY" fromstdin.o >/dev/null &&
	nm fromstdin.o | grep -q ' T plain'; then pass x-assembler-stdin
else failt x-assembler-stdin "$(line1 err)"; fi
rm -f cstdin.o
if "$CC" -c -x c -o cstdin.o - < two.c 2>err && "$VERIFY" cstdin.o >/dev/null; then pass x-c-stdin
else failt x-c-stdin "$(line1 err)"; fi

# --- -Wa, passes to as -----------------------------------------------------
rm -f wa.o wa.lst
if "$CC" -c -Wa,-alh=wa.lst -o wa.o two.c 2>err && [ -s wa.lst ] && [ -f wa.o ]; then pass Wa-to-as
else failt Wa-to-as "$(line1 err)"; fi

# --- dependency files -------------------------------------------------------
mkdir -p sub; rm -f sub/h.o sub/h.d hello.d
if "$CC" -c -MD -o sub/h.o hello.c 2>err && grep -q '^sub/h.o:.*hello.h' sub/h.d; then pass MD-with-o
else failt MD-with-o "$(line1 err)$(cat sub/h.d 2>/dev/null | head -1)"; fi
if "$CC" -c -MMD -MP hello.c 2>err && grep -q '^hello.o:.*hello.h' hello.d &&
	grep -q '^hello.h:' hello.d; then pass MMD-MP
else failt MMD-MP "$(line1 err)"; fi
if "$CC" -MM hello.c 2>err | grep -q '^hello.o: hello.c hello.h'; then pass MM
else failt MM "$(line1 err)"; fi

# --- -v shows the commands ---------------------------------------------------
if "$CC" -v -c -o v.o two.c 2>err && grep -q 'gcc -S .*-ffixed-r11 -ffixed-r14 -mno-tls-direct-seg-refs -fno-plt -fcf-protection=none' err &&
	grep -q 'lfi-rewrite' err && grep -q '^ as --64' err && grep -q 'lfi-verify' err; then pass v-commands
else failt v-commands "$(line1 err)"; fi

# --- --version, -print-file-name, -dumpmachine --------------------------------
if "$CC" --version 2>err | head -1 | grep -q 'x86_64-lfi-linux-musl-gcc'; then pass version
else failt version "$(line1 err)"; fi
if [ "$("$CC" -print-file-name=libnothing.a)" = libnothing.a ]; then pass print-file-name
else failt print-file-name "$("$CC" -print-file-name=libnothing.a)"; fi
if [ "$("$CC" -dumpmachine)" = x86_64-lfi-linux-musl ]; then pass dumpmachine
else failt dumpmachine "$("$CC" -dumpmachine)"; fi

# --- refused flags --------------------------------------------------------------
refused() { # NAME EXPECTED-TEXT ARGS...
	local name=$1 want=$2; shift 2
	rm -f hello.o
	"$CC" "$@" 2>err; local st=$?
	if [ $st -eq 1 ] && grep -q -- "$want" err && [ "$(wc -l < err)" -eq 1 ] && [ ! -e hello.o ]; then
		pass "$name"
	else failt "$name" "status $st: $(line1 err)"; fi
}
refused m32-refused '-m32: refused' -m32 -c hello.c
refused mx32-refused '-mx32: refused' -mx32 -c hello.c
refused cf-protection-refused '-fcf-protection=full: refused' -fcf-protection=full -c hello.c
refused fplt-refused '-fplt: refused' -fplt -c hello.c
refused fixed-r14-refused 'reserved' -fcall-used-r14 -c hello.c
refused fno-pie-refused '-fno-pie: refused' -fno-pie -c two.c
refused no-pie-refused '-no-pie: refused' -no-pie -o hello hello.c
refused tls-gnu2-refused '-mtls-dialect=gnu2: refused' -mtls-dialect=gnu2 -c hello.c
refused no-input 'no input files' -c
# -fcf-protection=none itself is fine
rm -f hello.o
if "$CC" -fcf-protection=none -c hello.c 2>err && [ -f hello.o ]; then pass cf-protection-none
else failt cf-protection-none "$(line1 err)"; fi

# --- reserved registers: the rewriter's FILE:LINE error, no object -------------
cat > r14var.c <<'C'
long get(void)
{
	register long x asm("r14");
	asm volatile("" : "=r"(x));
	return x;
}
C
cat > r14asm.c <<'C'
long clobber(long a)
{
	asm volatile("movq %0, %%r14" : : "r"(a));
	return a;
}
C
for t in r14var r14asm; do
	rm -f $t.o
	"$CC" -O2 -g -c $t.c 2>err; st=$?
	if [ $st -eq 1 ] && [ ! -e $t.o ] && [ "$(wc -l < err)" -eq 1 ] &&
		grep -q "^x86_64-lfi-linux-musl-gcc: $t.c: lfi-rewrite: $t.c.s:[0-9][0-9]*: .*r14" err; then
		pass "$t-refused"
	else failt "$t-refused" "status $st: $(line1 err)"; fi
done
# and in a hand-written .s: the user's own file name and line
printf '\t.text\nf:\n\tmovq %%r11, %%rax\n\tret\n' > r11.s
rm -f r11.o
"$CC" -c r11.s 2>err; st=$?
if [ $st -eq 1 ] && [ ! -e r11.o ] && grep -q 'r11.s:3: ' err; then pass r11-s-refused
else failt r11-s-refused "status $st: $(line1 err)"; fi

# --- a C syntax error: gcc's status, no object ---------------------------------
printf 'int broken( {\n' > broken.c
rm -f broken.o
"$CC" -c broken.c 2>err; st=$?
gst=$(gcc -c -o /dev/null broken.c 2>/dev/null; echo $?)
if [ $st -eq "$gst" ] && [ $st -ne 0 ] && [ ! -e broken.o ] && grep -q 'broken.c:1' err; then
	pass syntax-error
else failt syntax-error "status $st (gcc $gst): $(line1 err)"; fi

# --- the verifier decides: a rejected object is removed -------------------------
# lfi-verify is replaced by one that rejects everything
cat > fakeverify <<'SH'
#!/bin/sh
for f; do :; done	# the file is the last argument
echo "$f:.text: 0x0: \`ret\`: V2 forbidden: instruction not allowed"
exit 1
SH
chmod +x fakeverify
rm -f two.o
LFI_VERIFY=$W/fakeverify "$CC" -c two.c 2>err; st=$?
if [ $st -eq 1 ] && [ ! -e two.o ] &&
	grep -q '^x86_64-lfi-linux-musl-gcc: two.c: lfi-verify rejected the object: two.o:.text: 0x0: `ret`: V2' err; then
	pass verify-rejects
else failt verify-rejects "status $st: $(line1 err)"; fi

# --- -g keeps the debug info through -S too ------------------------------------
if "$CC" -O2 -g -S -o g.s two.c 2>err && grep -q '\.debug_info' g.s; then pass g-survives-S
else failt g-survives-S "$(line1 err)"; fi

# --- an output that is not a regular file is written into, not replaced ------
# (configure scripts compile with -o /dev/null; a FIFO stands in for it)
mkfifo out.fifo
timeout 20 cat out.fifo > fifo.copy &
reader=$!
"$CC" -c -o out.fifo two.c 2>err; st=$?
wait $reader
if [ $st -eq 0 ] && [ -p out.fifo ] && [ -s fifo.copy ] &&
	[ "$(head -c 4 fifo.copy | od -An -c | tr -d ' ')" = '177ELF' ]; then
	pass special-output-written-not-replaced
else failt special-output-written-not-replaced "status $st, fifo kept: $([ -p out.fifo ] && echo yes || echo no): $(line1 err)"; fi
rm -f out.fifo fifo.copy

# --- no temp files left behind, none next to outputs ------------------------
left=$(ls -A "$TMPDIR"; ls -a "$W" | grep '\.tmp-')
if [ -z "$left" ]; then pass no-temp-left
else failt no-temp-left "$(echo $left)"; fi
exit 0
