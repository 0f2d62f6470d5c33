#!/bin/bash
# The sobox demo (make demo): an ordinary C library (demo/words.c) built
# for the box with the LFI driver and wrapped by sobox; one unmodified
# program (demo/app.c) linked against it and, by the same command,
# against the native build of the same library; the library's bug
# killing the native program and staying a contained fault in the box;
# and what a call costs (bench/sobox-bench.sh -quick).
# Usage: demo/sobox-demo.sh BUILD_DIR
set -u
BUILD=$(cd "${1:-build}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
cp "$HERE/words.h" "$HERE/words.c" "$HERE/app.c" .
export PATH=$BUILD/bin:$PATH	# the commands as a user types them
ok=0

# run CMD...: shows the command, its output and how it ended
run() {
	local st
	echo "\$ $*" | sed "s/[$]ORIGIN/'\$ORIGIN'/"	# as typed: quoted
	{ "$@" > out 2>&1; st=$?; } 2> /dev/null	# no job message from bash
	sed "s|$T/||g" out
	if [ "$st" -gt 128 ]; then
		echo "(killed by SIG$(kill -l $((st - 128))): the whole program is gone)"
	elif [ "$st" -ne 0 ]; then
		echo "(exit status $st)"
	fi
	echo
	return "$st"
}

echo "== sobox demo: a library in a box, under a program that does not know"
echo
echo "libwords, an ordinary C library (words.c; its API, words.h):"
grep -v '^#' words.h | sed '/^$/d'
echo
echo "Built for the box by the LFI driver, then wrapped by sobox:"
run x86_64-lfi-linux-musl-gcc -O2 -g -fPIC -shared -o libwords.lfi.so words.c || ok=1
mkdir -p boxed native
run sobox -o boxed/libwords.so libwords.lfi.so || ok=1
echo "boxed/libwords.so carries the library, its libc and the runtime; it"
echo "exports the library's functions (trampolines into the box), the box API"
echo "(words_box_*, boxed/words_box.h) and the runtime's signal/sigaction,"
echo "and needs nothing but libc:"
echo "\$ nm -D --defined-only boxed/libwords.so | grep -v words_box_"
nm -D --defined-only boxed/libwords.so | grep -v words_box_ | sed 's/^/  /'
echo "\$ readelf -d boxed/libwords.so | grep NEEDED"
readelf -d boxed/libwords.so | grep NEEDED | sed 's/^ */  /'
echo
echo "The usual native build of the same file, for comparison:"
run gcc -O2 -fPIC -shared -o native/libwords.so words.c || ok=1

echo "One program, app.c, unmodified, linked the same way against each:"
sed -n '/^int main/,$p' app.c
echo
run gcc -O2 -o native/app app.c -Lnative -lwords -Wl,-rpath,'$ORIGIN' || ok=1
run gcc -O2 -o boxed/app app.c -Lboxed -lwords -Wl,-rpath,'$ORIGIN' || ok=1
run native/app 42 -1234567 || ok=1
run boxed/app 42 -1234567 || ok=1
cmp -s <(native/app 42 -1234567) <(boxed/app 42 -1234567) ||
	{ echo "the two builds disagree"; ok=1; }

echo "The library's bug: column() never checks the width against its"
echo "64-byte buffer. A width of a billion:"
if run native/app -w 1000000000 42; then ok=1; fi
echo "In the box the same write can reach only the box's memory, and runs"
echo "into a page the box has not mapped: a fault in the box, one line; the"
echo "call fails (NULL, which printf shows as \"(null)\"), and the program"
echo "and the library go on:"
run boxed/app -w 1000000000 42 || ok=1

echo "What a call costs, boxed vs native (a short run of bench/sobox-bench.c;"
echo "make bench runs the long one and counts the instructions):"
"$HERE/../bench/sobox-bench.sh" "$BUILD" -quick || ok=1
exit $ok
