#!/bin/bash
# sobox end to end: an LFI library made into libdemo.box.so, a host
# program linked against it and one dlopen'ing it, the exports, a fault
# that stays in the box, bad input, and the handover call outside a
# .box.so. Usage: tests/sobox/run.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")" && pwd)
LFICC=$B/bin/x86_64-lfi-linux-musl-gcc
SOBOX=$B/bin/sobox
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: sobox/$1"; }
failt() { echo "FAIL: sobox/$1: $2"; }

# bad NAME FILE REASON-ERE: one line naming FILE, exit 1, no output file
bad() {
	local name=$1 file=$2 re=$3
	rm -f out.box.so
	"$SOBOX" -o out.box.so "$file" > out 2> err
	local st=$?
	if [ "$st" -ne 1 ]; then
		failt "bad-input/$name" "exit $st: $(head -c 300 err)"
	elif [ "$(wc -l < err)" -ne 1 ] || ! grep -qE "^sobox: $file: $re" err; then
		failt "bad-input/$name" "stderr: $(head -c 300 err)"
	elif [ -e out.box.so ] || ls out.box.so.tmp* > /dev/null 2>&1; then
		failt "bad-input/$name" "an output file was left"
	else
		pass "bad-input/$name"
	fi
}

if ! "$LFICC" -O2 -g -fPIC -shared -o libdemo.lfi.so "$SRC/demo.c" 2> cc.err; then
	failt build-library "$(head -1 cc.err)"
	exit 0
fi

# the default output name, next to the input
if "$SOBOX" libdemo.lfi.so 2> err && [ -f libdemo.box.so ] && [ ! -s err ]; then
	pass make-box
else
	failt make-box "$(head -c 300 err)"
	exit 0
fi
ls -A | grep -q '\.tmp' && failt no-temporaries "$(ls -A)" || pass no-temporaries

# exactly the input's functions, the box API (demo_box_*) and the
# runtime's sigaction/signal
nm -D --defined-only libdemo.box.so | awk '{ print $3 }' | sort > got
printf '%s\n' add add3 built_length demo_box_addr demo_box_calloc demo_box_contains demo_box_destroy \
	demo_box_free demo_box_malloc demo_box_memdup demo_box_realloc \
	demo_box_register_cb demo_box_strdup demo_box_unregister_cb fetch keep mul \
	sigaction signal stray_write sum6 > want
cmp -s got want && pass exports || failt exports "$(tr '\n' ' ' < got)"
# its NEEDED entries: libc alone (Zydis, the runtime and the verifier are
# linked in statically)
needed=$(readelf -d libdemo.box.so | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
[ "$needed" = "libc.so.6 " ] && pass needs-only-libc || failt needs-only-libc "NEEDED: $needed"

# a host program linked against it
if gcc -O2 -pthread -o host "$SRC/host.c" -L. -l:libdemo.box.so -Wl,-rpath,"$TMP" 2> cc.err; then
	./host > out 2> err
	cat out
	grep -q '^PASS: sobox/linked/fault-contained' out &&
		grep -qE '^libdemo\.box\.so: SEGV in the box at sandbox address 0x10 ' err &&
		[ "$(wc -l < err)" -eq 1 ] && pass one-line-for-the-fault ||
		failt one-line-for-the-fault "$(head -c 300 err)"
else
	failt build-host "$(head -1 cc.err)"
fi

# a box that cannot be made (the library faults at load): one line for
# the attempt, calls fail without another, a destroy lets the next call
# try again (its line), nothing left behind to crash on
if "$LFICC" -O2 -g -fPIC -shared -o libnoload.lfi.so "$SRC/noload.c" 2> cc.err &&
   "$SOBOX" -o libnoload.box.so libnoload.lfi.so 2> err &&
   gcc -O2 -o noload "$SRC/noloadhost.c" -L. -l:libnoload.box.so -Wl,-rpath,"$TMP" 2>> cc.err; then
	./noload > out 2> err
	st=$?
	[ $st -eq 0 ] && [ "$(cat out)" = "-1 -1 0 -1" ] &&
		[ "$(grep -c 'did not load in the box' err)" -eq 2 ] &&
		pass failed-box-tried-again-after-destroy ||
		failt failed-box-tried-again-after-destroy "status $st, $(cat out): $(head -c 300 err)"
else
	failt noload-build "$(head -c 300 cc.err err)"
fi

# the box made at load, or at the first call with -lazy
order() { SOBOX_VERBOSE=1 ./lazy 2>&1 >/dev/null | sed -n 's/.*\(box ready\).*/\1/p; s/^main$/main/p' | tr '\n' ' '; }
if gcc -O2 -o lazy "$SRC/lazy.c" -L. -l:libdemo.box.so -Wl,-rpath,"$TMP" 2> cc.err; then
	[ "$(order)" = "box ready main " ] && pass made-at-load || failt made-at-load "$(order)"
	mkdir -p lz && "$SOBOX" -lazy -o lz/libdemo.box.so libdemo.lfi.so 2> err &&
		[ "$(LD_LIBRARY_PATH=lz order)" = "main box ready " ] && pass lazy ||
		failt lazy "$(LD_LIBRARY_PATH=lz order) $(head -c 200 err)"
else
	failt build-lazy "$(head -1 cc.err)"
fi

# the host's FP control words survive a box that changes its own
if "$LFICC" -O2 -g -fPIC -shared -o libfpenv.lfi.so "$SRC/fpenv.c" 2> cc.err &&
   "$SOBOX" -o libfpenv.box.so libfpenv.lfi.so 2> err &&
   gcc -O2 -o fphost "$SRC/fphost.c" -I. -L. -l:libfpenv.box.so -Wl,-rpath,"$TMP" 2>> cc.err; then
	./fphost
else
	failt fp-build "$(head -c 300 cc.err err)"
fi

# signatures whose stack arguments or result pass 64 KiB take the fallback
if "$LFICC" -O2 -g -fPIC -shared -o libhuge.lfi.so "$SRC/huge.c" 2> cc.err &&
   "$SOBOX" -o libhuge.box.so libhuge.lfi.so 2> err; then
	[ "$(wc -l < err)" -eq 1 ] &&
		grep -q '^sobox: warning: no signature for make_huge (arguments or result over 64 KiB), two_halves (arguments or result over 64 KiB) in libhuge.lfi.so' err &&
		pass frame-over-64k-takes-the-fallback || failt frame-over-64k-takes-the-fallback "$(head -c 300 err)"
else
	failt huge-build "$(head -c 300 cc.err err)"
fi

# no host data in the vector registers that are not arguments
if "$LFICC" -O2 -g -fPIC -shared -o libvectors.lfi.so "$SRC/vectors.c" 2> cc.err &&
   "$SOBOX" -o libvectors.box.so libvectors.lfi.so 2> err &&
   gcc -O2 -o vechost "$SRC/vechost.c" -L. -l:libvectors.box.so -Wl,-rpath,"$TMP" 2>> cc.err; then
	./vechost
else
	failt vectors-build "$(head -c 300 cc.err err)"
fi

# and dlopen'ed by a glibc program
gcc -O2 -o dlhost "$SRC/dlhost.c" -ldl 2> cc.err && ./dlhost "$TMP/libdemo.box.so" ||
	failt dlopen "$(head -1 cc.err)"

# -dir keeps the generated sources
"$SOBOX" -dir gen -o kept.box.so libdemo.lfi.so 2> err && [ -f gen/stub.c ] &&
	[ -f gen/box.c ] && [ -f kept.box.so ] && pass dir-kept || failt dir-kept "$(head -c 300 err)"

# bad input
echo 'not an ELF file' > text.so
gcc -O2 -fPIC -shared -o libhost.so "$SRC/demo.c"
gcc -O2 -o hostexe "$SRC/host.c" -L. -l:libdemo.box.so
"$LFICC" -O2 -static-pie -o lfiexe "$SRC/handover.c"
bad missing nosuch.lfi.so 'No such file or directory$'
bad not-elf text.so 'not an ELF file$'
bad host-library libhost.so 'no LFI-x64 note: not LFI code'
bad not-shared-object hostexe 'not a shared object$'
bad lfi-program lfiexe 'not a shared object$'
"$SOBOX" > out 2> err
[ $? -eq 2 ] && grep -q '^usage: sobox' err && pass usage || failt usage "$(head -c 300 err)"

# the handover is no system call for a program under lfi-run
if "$LFICC" -O2 -o handover "$SRC/handover.c" 2> cc.err; then
	out=$("$B/bin/lfi-run" ./handover 2>&1)
	[ "$out" = "-1 38" ] && pass handover-enosys-under-lfi-run ||
		failt handover-enosys-under-lfi-run "$out"
else
	failt build-handover "$(head -1 cc.err)"
fi
exit 0
