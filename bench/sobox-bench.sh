#!/bin/bash
# sobox-bench.sh BUILD_DIR [-quick] - the cost of a call into a .box.so
# (bench/README.md).
#
# Builds bench/sobox-lib.c twice, with the LFI driver (then boxed by
# sobox into box/libsbench.so) and with the host gcc (native/libsbench.so),
# and runs sobox-bench on the pair: one process, native and boxed
# interleaved. Then counts the instructions of one warm call of each
# function with count-steps (ptrace single-stepping count-host, the same
# binary against either library). -quick (for make demo): a short timing
# run, no counting, no lfi_thread_call row. Prints numbers, no thresholds;
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
echo

echo "== instructions of one warm call, from the host's call to the instruction after it (bench/count-steps.c) =="
gcc -O2 -g -o "$OUT/count-host" "$HERE/count-host.c" "$HERE/count-call.S" \
	-L"$OUT/native" -lsbench
LD_LIBRARY_PATH=$OUT/native "$B/bin/count-steps" "$OUT/count-host" > "$OUT/count-native.txt"
LD_LIBRARY_PATH=$OUT/box "$B/bin/count-steps" -v -sym "$OUT/libsbench.lfi.so" \
	"$OUT/count-host" > "$OUT/count-box.txt"
# one line per function: native and boxed totals
awk 'FNR == 1 { f++ } /^[a-z_]+: [0-9]+ instructions/ { n[f, $1] = $2; if (f == 1) k[++m] = $1 }
     END { printf "%-10s %7s %7s\n", "function", "native", "boxed"
	   for (i = 1; i <= m; i++) printf "%-10s %7d %7d\n", substr(k[i], 1, length(k[i]) - 1), n[1, k[i]], n[2, k[i]] }' \
	"$OUT/count-native.txt" "$OUT/count-box.txt"
echo
echo "boxed add, by part (runs of consecutive instructions in one place):"
awk '/^add:/ { on = 1; next } /^[a-z_]+:/ { on = 0 }
     on && $2 !~ /^0x/ {
	part = $2
	if ($2 ~ /:counted$/) part = "the host'"'"'s call"
	else if ($2 ~ /\.lfi\.so:add$/) part = "add in the box (its masked return included)"
	else if ($2 ~ /^libsbench\.so:add$/) part = tramp++ ? "trampoline, way out" : "trampoline, way in"
	else if ($2 ~ /^box:page/) part = "return stub (a runtime page in the box)"
	else if ($2 ~ /lfi_rtcall_return$/) part = "runtime call 24"
	printf "  %4d  %-44s %s\n", $1, part, $2 }' "$OUT/count-box.txt"
echo "(every instruction: $OUT/count-box.txt; the native ones: count-native.txt)"
