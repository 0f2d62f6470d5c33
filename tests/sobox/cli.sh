#!/bin/bash
# sobox's command line and what it reads of its input: --help and bad
# options, -export, -lib, -soname and the default SONAME, symbol versions
# (a program linked against Debian's zlib running on the boxed one, and a
# library with non-default versions), data objects, a static archive as
# input, and every error: one line, exit 1, no output or temporary left.
# Usage: tests/sobox/cli.sh BUILD_DIR
# Prints one PASS:/FAIL:/SKIP: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: cli.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")" && pwd)
LFICC=$B/bin/x86_64-lfi-linux-musl-gcc
SOBOX=$B/bin/sobox
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0
# sobox makes its work directories here: each test checks none is left
export TMPDIR=$TMP/work
mkdir -p "$TMPDIR"

pass() { echo "PASS: sobox-cli/$1"; }
failt() { echo "FAIL: sobox-cli/$1: $2"; }
skip() { echo "SKIP: sobox-cli/$1: $2"; }
# result NAME: PASS when the command before it succeeded
result() { if [ $? -eq 0 ]; then pass "$1"; else failt "$1" "$(head -c 300 err)"; fi; }
no_work_left() { [ -z "$(ls -A "$TMPDIR")" ]; }
# the defined dynamic symbols with their versions (foo@V1, bar@@V1, plain)
# the exported symbols, without the box API (PREFIX_box_*, tests/sobox/api.sh)
dynsyms() { readelf --dyn-syms -W "$1" | awk '$7 != "UND" && $1 ~ /^[0-9]+:$/ && $8 != "" { print $8 }' |
	grep -v '_box_' | sort; }
# stderr without the warnings about exports with no known signature
errors() { grep -v '^sobox: warning: no signature for ' err; }
verdefs() { readelf -V "$1" | sed -n '/version_d/,/version_r/p' | grep -oE '(Name|Parent [0-9]+): [^ ]+' | tail -n +2; }

# bad NAME OUT FILE REASON-ERE -- SOBOX-ARGS...: exit 1, one line
# "sobox: FILE: REASON", no OUT (nor OUT.tmp*), no work directory left.
bad() {
	local name=$1 out=$2 file=$3 re=$4
	shift 5
	"$SOBOX" "$@" > out.txt 2> err
	local st=$?
	if [ "$st" -ne 1 ]; then
		failt "error/$name" "exit $st: $(head -c 300 err)"
	elif [ "$(wc -l < err)" -ne 1 ] || ! grep -qE "^sobox: $file: $re" err; then
		failt "error/$name" "stderr: $(head -c 300 err)"
	elif [ -s out.txt ]; then
		failt "error/$name" "stdout: $(head -c 300 out.txt)"
	elif { [ -e "$out" ] && [ ! -d "$out" ]; } || ls "$out".tmp* > /dev/null 2>&1; then
		failt "error/$name" "an output file was left"
	elif ! no_work_left; then
		failt "error/$name" "a work directory was left: $(ls -A "$TMPDIR")"
	else
		pass "error/$name"
	fi
}

if ! "$LFICC" -O2 -g -fPIC -shared -o libdemo.lfi.so "$SRC/demo.c" 2> err ||
   ! gcc -O2 -o call "$SRC/call.c" -ldl 2>> err; then
	failt build "$(head -c 300 err)"
	exit 0
fi
DEMO_EXPORTS="add add3 built_length fetch keep mul sigaction signal stray_write sum6"

# --- the command line ------------------------------------------------------
"$SOBOX" --help > out.txt 2> err
[ $? -eq 0 ] && grep -q '^usage: sobox .*-export SYM,SYM' out.txt && [ ! -s err ]
result help
usage_error() {		# NAME ARGS...: exit 2, the usage on stderr, nothing built
	local name=$1
	shift
	"$SOBOX" "$@" > out.txt 2> err
	[ $? -eq 2 ] && grep -q '^usage: sobox' err && [ ! -s out.txt ] &&
		no_work_left
	result "usage/$name"
}
usage_error unknown-option -nosuch libdemo.lfi.so
usage_error missing-value libdemo.lfi.so -o
usage_error two-inputs libdemo.lfi.so libdemo.lfi.so
usage_error lib-not-identifier -lib 9-x libdemo.lfi.so
usage_error export-empty-name -export add,,mul libdemo.lfi.so
usage_error map-without-path -map /data libdemo.lfi.so
usage_error soname-with-slash -soname a/b.so libdemo.lfi.so

# --- -export -----------------------------------------------------------------
"$SOBOX" -export add,mul -export sum6 -o exp.box.so libdemo.lfi.so 2> err
[ "$(dynsyms exp.box.so | tr '\n' ' ')" = "add mul sigaction signal sum6 " ]
result export/only-these
[ "$(./call ./exp.box.so mul 6 7 2>&1)" = 42 ] &&
	[ "$(./call ./exp.box.so sum6 1 2 3 4 5 6 2>&1)" = 91 ]
result export/calls
bad export-unknown exp2.box.so libdemo.lfi.so '-export nosuch: no such exported function$' -- \
	-export add,nosuch -o exp2.box.so libdemo.lfi.so

# --- -lib and the SONAME -------------------------------------------------------
prefix() { "$SOBOX" -V "$@" 2>&1 | sed -n 's/.*box API prefix \([^,]*\),.*/\1/p'; }
[ "$(prefix -o l1.box.so libdemo.lfi.so)" = demo ]
result lib/default
cp libdemo.lfi.so lib5x-y.lfi.so.2
[ "$(prefix -o l2.box.so lib5x-y.lfi.so.2)" = _5x_y ]
result lib/made-an-identifier
[ "$(prefix -lib mylib -o l3.box.so libdemo.lfi.so)" = mylib ]
result lib/given
soname() { readelf -d "$1" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; }
[ "$(soname l1.box.so)" = l1.box.so ]
result soname/none-is-out-name
"$SOBOX" -soname libcustom.so.3 -o l4.box.so libdemo.lfi.so 2> err
[ "$(soname l4.box.so)" = libcustom.so.3 ]
result soname/given

# --- symbol versions: a library with non-default versions ----------------------
# libvers.lfi.so.1 (SONAME libvers.lfi.so.1, the rule of tests/realcode) and
# the same source built for the host as libvers.so.1, the "real" library
mkdir -p real box
if "$LFICC" -O2 -g -fPIC -shared -Wl,-soname,libvers.lfi.so.1 \
	-Wl,--version-script="$SRC/versioned.map" -o libvers.lfi.so.1 "$SRC/versioned.c" 2> err &&
   gcc -O2 -fPIC -shared -Wl,-soname,libvers.so.1 -Wl,--version-script="$SRC/versioned.map" \
	-o real/libvers.so.1 "$SRC/versioned.c" 2>> err &&
   gcc -O2 -o vhost "$SRC/vhost.c" real/libvers.so.1 2>> err; then
	"$SOBOX" -o box/libvers.so.1 libvers.lfi.so.1 > out.txt 2> err
	[ $? -eq 0 ] && [ "$(errors | wc -l)" -eq 2 ] &&
		grep -qx 'sobox: libvers.lfi.so.1: not exported: data object vers_data (only functions cross the box)' err &&
		grep -qx 'sobox: libvers.lfi.so.1: not exported: data object vers_tls (only functions cross the box)' err
	result versions/data-objects-reported
	[ "$(soname box/libvers.so.1)" = libvers.so.1 ]
	result versions/soname-without-lfi
	want=$( (dynsyms real/libvers.so.1; echo sigaction; echo signal) | grep -v vers_ | sort)
	[ "$(dynsyms box/libvers.so.1)" = "$want" ]
	result versions/same-symbols-and-versions
	[ "$(verdefs box/libvers.so.1)" = "$(verdefs real/libvers.so.1)" ]
	result versions/same-nodes
	native=$(LD_LIBRARY_PATH=real ./vhost 2>&1)
	boxed=$(LD_LIBRARY_PATH=box ./vhost 2> err)
	[ "$native" = "101 202 303 404 505" ] &&
		[ "$boxed" = "$native" ] && [ ! -s err ]
	result versions/each-version-runs-in-the-box
	"$SOBOX" -export foo -o box/foo.box.so libvers.lfi.so.1 > out.txt 2> err
	[ -z "$(errors)" ] &&
		[ "$(dynsyms box/foo.box.so | grep foo | tr '\n' ' ')" = "foo@@V2 foo@V1 " ] &&
		[ "$(verdefs box/foo.box.so)" = "$(verdefs real/libvers.so.1)" ]
	result versions/export-takes-every-version
	bad export-data-object d.box.so libvers.lfi.so.1 \
		'-export vers_data: a data object \(only functions cross the box\)$' -- \
		-export foo,vers_data -o d.box.so libvers.lfi.so.1
else
	failt versions/build "$(head -c 300 err)"
fi

# --- symbol versions: Debian's programs against the boxed zlib -----------------
ZLFI=$B/realcode/lib/libz.lfi.so.1
ZREAL=$(gcc -print-file-name=libz.so.1)
if [ ! -f "$ZLFI" ]; then
	skip zlib "$ZLFI not built (tests/realcode/build-zlib.sh)"
elif [ ! -f "$ZREAL" ]; then
	skip zlib "no Debian libz.so.1"
elif ! gcc -O2 -o zhost "$SRC/zhost.c" "$ZREAL" 2> err; then
	failt zlib/build-host "$(head -c 300 err)"
else
	mkdir -p zbox
	"$SOBOX" -o zbox/libz.so.1 "$ZLFI" 2> err
	[ $? -eq 0 ] && [ ! -s err ]
	result zlib/box
fi
if [ -f zbox/libz.so.1 ]; then
	[ "$(soname zbox/libz.so.1)" = libz.so.1 ]
	result zlib/soname
	want=$( (dynsyms "$ZREAL"; echo sigaction; echo signal) | sort)
	[ "$(dynsyms zbox/libz.so.1)" = "$want" ]
	result zlib/same-symbols-and-versions-as-debian
	\
		[ "$(verdefs zbox/libz.so.1)" = "$(verdefs "$ZREAL")" ] && [ -n "$(verdefs "$ZREAL")" ]
	result zlib/same-nodes-as-debian
	native=$(./zhost | head -1)
	LD_LIBRARY_PATH=$TMP/zbox ./zhost > out.txt 2> err
	[ "$(head -1 out.txt)" = "$native" ] &&
		[ "$(sed -n 2p out.txt)" = "$TMP/zbox/libz.so.1" ] && [ ! -s err ]
	result zlib/debian-program-runs-on-the-box
fi

# --- a static archive as INPUT ----------------------------------------------------
mkdir -p ar
if "$LFICC" -O2 -g -fPIC -c -o ar/demo.o "$SRC/demo.c" 2> err && ar rcs ar/libdemo.a ar/demo.o; then
	"$SOBOX" -V -dir agen ar/libdemo.a > out.txt 2> err
	[ $? -eq 0 ] && [ -f ar/libdemo.box.so ] && [ -f agen/libdemo.lfi.so ] &&
		grep -q 'box API prefix demo,' err
	result archive/box
	[ "$(dynsyms ar/libdemo.box.so | tr '\n' ' ')" = "$DEMO_EXPORTS " ]
	result archive/exports
	# the linked library is in agen, mapped by the box until files are embedded
	[ "$(./call ./ar/libdemo.box.so add 40 2 2>&1)" = 42 ]
	result archive/calls
	"$SOBOX" -o ar2.box.so ar/libdemo.a 2> err
	[ $? -eq 0 ] && [ -f ar2.box.so ] && no_work_left &&
		[ "$(dynsyms ar2.box.so | tr '\n' ' ')" = "$DEMO_EXPORTS " ]
	result archive/no-temporaries
else
	failt archive/build "$(head -c 300 err)"
fi
gcc -O2 -fPIC -c -o ar/host.o "$SRC/demo.c" && ar rcs ar/libhost.a ar/host.o
bad archive-of-host-objects h.box.so ar/libhost.a 'the LFI driver cannot link it into a shared object: .+' -- \
	-o h.box.so ar/libhost.a

# --- bad input -----------------------------------------------------------------------
echo 'not an ELF file' > text.so
cp libdemo.lfi.so arm.lfi.so
printf '\267\000' | dd of=arm.lfi.so bs=1 seek=18 conv=notrunc status=none	# EM_AARCH64
gcc -O2 -fPIC -shared -o libhost.so "$SRC/demo.c"
gcc -O2 -o hostexe "$SRC/call.c" -ldl
bad missing o.box.so nosuch.lfi.so 'No such file or directory$' -- -o o.box.so nosuch.lfi.so
bad not-elf o.box.so text.so 'not an ELF file$' -- -o o.box.so text.so
bad not-x86-64 o.box.so arm.lfi.so 'not an x86-64 ELF file$' -- -o o.box.so arm.lfi.so
bad not-shared-object o.box.so hostexe 'not a shared object$' -- -o o.box.so hostexe
bad no-lfi-note o.box.so libhost.so 'no LFI-x64 note: not LFI code' -- -o o.box.so libhost.so

# an LFI library whose `add` starts with a syscall: it keeps its note
cp libdemo.lfi.so syscall.lfi.so
addr=$(readelf --dyn-syms -W syscall.lfi.so | awk '$8 == "add" { print $2 }')
read -r off vaddr < <(readelf -lW syscall.lfi.so | awk '$1 == "LOAD" && / E / { print $2, $3 }')
printf '\017\005' | dd of=syscall.lfi.so bs=1 seek=$((16#$addr - vaddr + off)) conv=notrunc status=none
bad not-lfi-code o.box.so syscall.lfi.so "not LFI code: $(printf '0x%x' $((16#$addr))): \`syscall\`: V2 " -- \
	-o o.box.so syscall.lfi.so

# OUT cannot be written
bad out-in-proc /proc/sobox-cli.box.so /proc/sobox-cli.box.so 'cannot write: ' -- \
	-o /proc/sobox-cli.box.so libdemo.lfi.so
bad out-dir-missing nodir/o.box.so nodir/o.box.so 'cannot write: No such file or directory$' -- \
	-o nodir/o.box.so libdemo.lfi.so
mkdir -p outdir
bad out-is-a-directory outdir outdir 'is a directory$' -- -o outdir libdemo.lfi.so
if [ "$(id -u)" -ne 0 ]; then
	mkdir -p ro && chmod 555 ro
	bad out-dir-read-only ro/o.box.so ro/o.box.so 'cannot write: Permission denied$' -- \
		-o ro/o.box.so libdemo.lfi.so
fi
cp libdemo.lfi.so same.lfi.so
"$SOBOX" -o same.lfi.so same.lfi.so > out.txt 2> err
[ $? -eq 1 ] && [ "$(wc -l < err)" -eq 1 ] &&
	grep -q '^sobox: same.lfi.so: is INPUT itself$' err && cmp -s same.lfi.so libdemo.lfi.so &&
	no_work_left
result error/out-is-input

# the host compiler fails
bad host-compiler-fails o.box.so libdemo.lfi.so 'the host compiler \(false\) failed$' -- \
	-cc false -o o.box.so libdemo.lfi.so
exit 0
