#!/bin/bash
# sobox-bench.sh BUILD_DIR [-quick] - the cost of a call into a .box.so
# (bench/README.md).
#
# Builds bench/sobox-lib.c twice, with the LFI driver (then boxed by
# sobox into box/libsbench.so) and with the host gcc (native/libsbench.so),
# and runs sobox-bench on the pair: one process, native and boxed
# interleaved. -quick (for make demo): a short timing run, no
# lfi_thread_call row. Prints numbers, no thresholds;
# exits non-zero only when something cannot be built or run.
set -eu
B=$(cd "${1:?usage: sobox-bench.sh BUILD_DIR [-quick]}" && pwd)
QUICK=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$B/bench/sobox
mkdir -p "$OUT/box" "$OUT/native"

# the library: libsbench.lfi.so's SONAME makes the box's libsbench.so,
# the native one's is the same, so one host binary takes either
"$B/bin/x86_64-lfi-linux-musl-gcc" -O2 -g -fPIC -shared -Wl,-soname,libsbench.lfi.so \
	-o "$OUT/libsbench.lfi.so" "$HERE/sobox-lib.c"
"$B/bin/sobox" -lib sbench -o "$OUT/box/libsbench.so" "$OUT/libsbench.lfi.so"
gcc -O2 -g -fPIC -shared -Wl,-soname,libsbench.so -o "$OUT/native/libsbench.so" \
	"$HERE/sobox-lib.c"

if [ "$QUICK" = -quick ]; then
	"$B/bin/sobox-bench" -quick "$OUT/native/libsbench.so" "$OUT/box/libsbench.so" sbench
	exit 0
fi

echo "== a call into a .box.so vs the same library built natively (bench/sobox-bench.c) =="
"$B/bin/sobox-bench" "$OUT/native/libsbench.so" "$OUT/box/libsbench.so" sbench
# the runtime's generic C path, for comparison (its own process: it
# links the runtime, which the .box.so also carries)
if [ -x "$B/bin/call-bench" ] && [ -f "$B/tests/runtime-callee.bin" ]; then
	"$B/bin/call-bench" -row "$B/tests/runtime-callee.bin"
	echo "(the last row: bench/call-bench.c, add through lfi_thread_call, native add static in the program)"
fi
