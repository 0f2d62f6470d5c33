#!/bin/bash
# Calls through a .box.so's trampolines under stress and when they go
# wrong: host threads (8 x a million calls; 100 short-lived threads whose
# box threads must end and give their stacks back), the library's own
# threads, callbacks (qsort with a host comparator, nesting through the
# boundary, many arguments and doubles, unregistered, the same address
# twice, box addresses of exports), pointer checks and forcing (arguments
# in registers and on the stack, results, out-values), faults, exit() in
# the box, longjmp across the boundary both ways, two .box.so in one
# process, dlclose, destroying the box (calls/destroy.c). The checks are in the host programs (calls/*.c), each
# group in its own process; a program that dies, or prints on stderr
# what no check expected, is a FAIL too.
# Usage: tests/sobox/calls.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: calls.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/calls" && pwd)
LFICC=$B/bin/x86_64-lfi-linux-musl-gcc
SOBOX=$B/bin/sobox
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: sobox-calls/$1"; }
failt() { echo "FAIL: sobox-calls/$1: $2"; }

# step NAME COMMAND...: a build step, a line only when it fails
step() {
	local name=$1
	shift
	"$@" > "$name.log" 2>&1 && return 0
	failt "build/$name" "$(head -c 300 "$name.log")"
	return 1
}

# The two libraries in parallel (two cores), then their .box.so.
step lfi-calls "$LFICC" -O2 -g -fPIC -shared -o libcalls.lfi.so "$SRC/lib.c" & p1=$!
step lfi-other "$LFICC" -O2 -g -fPIC -shared -o libother.lfi.so "$SRC/other.c" & p2=$!
wait $p1 || exit 0
wait $p2 || exit 0
# lazy/: the same library made at its first call (sobox -lazy), for the
# runs that start with calls from many threads at once
mkdir lazy
step box-calls "$SOBOX" -o libcalls.box.so libcalls.lfi.so & p1=$!
step box-other "$SOBOX" -o libother.box.so libother.lfi.so & p2=$!
wait $p1 || exit 0
wait $p2 || exit 0
step box-lazy "$SOBOX" -lazy -o lazy/libcalls.box.so libcalls.lfi.so || exit 0
HOSTCC="gcc -std=gnu17 -O2 -Wall -Wno-unused-function -pthread -I. -I$SRC"
step host $HOSTCC -o host "$SRC/host.c" -L. -l:libcalls.box.so -Wl,-rpath,"$TMP" || exit 0
step two $HOSTCC -o two "$SRC/two.c" -L. -l:libcalls.box.so -l:libother.box.so \
	-Wl,-rpath,"$TMP" || exit 0
step dl $HOSTCC -o dl "$SRC/dl.c" -ldl || exit 0
step destroy $HOSTCC -o destroy "$SRC/destroy.c" -L. -l:libcalls.box.so \
	-Wl,-rpath,"$TMP" || exit 0

# run NAME COMMAND...: its PASS/FAIL lines; a FAIL if it died or left
# lines on stderr that no check captured
run() {
	local name=$1 st last
	shift
	# in a subshell: the shell's line for a killed program goes to .err;
	# a hang is killed after 20 s
	( timeout -s KILL 20 "$@"; exit $? ) > "$name.out" 2> "$name.err"
	st=$?
	cat "$name.out"
	if [ "$st" -ne 0 ]; then
		# the check it died in, if it said (about_to in check.h)
		last=$(tail -1 "$name.out")
		case $last in
		"# about to run sobox-calls/"*)
			failt "${last#\# about to run sobox-calls/}" "the program died (status $st)" ;;
		esac
		failt "$name/exit" "status $st after the line \"$(echo "$last" | cut -c1-100)\""
	elif [ -s "$name.err" ]; then
		failt "$name/stray-stderr" "$(head -c 300 "$name.err")"
	else
		pass "$name/exit"
	fi
}

# the two heaviest in parallel
run threads ./host threads > threads.all & p1=$!
run two ./two > two.all & p2=$!
wait $p1 $p2
cat threads.all two.all
for mode in api api-first first-calls callbacks nested pointers faults exit \
	exit-nested exit-in-callback thread-exit thread-exit-later longjmp boxjmp \
	signals; do
	run "$mode" ./host "$mode"
done
run destroy ./destroy
for mode in api-first first-calls threads thread-exit; do
	CALLS_TAG=lazy/ LD_LIBRARY_PATH="$TMP/lazy" run "lazy/$mode" ./host "$mode"
done
CALLS_TAG=lazy/ LD_LIBRARY_PATH="$TMP/lazy" run lazy/destroy ./destroy
run dlclose ./dl "$TMP/libcalls.box.so"
readelf -d libcalls.box.so | grep -q 'FLAGS_1.*NODELETE' && pass dlclose/nodelete-flag ||
	failt dlclose/nodelete-flag "no DF_1_NODELETE in the .box.so"
exit 0
