#!/bin/bash
# The toolchain part of the demo: an ordinary C library becomes
# libcount.lfi.so with x86_64-lfi-linux-musl-gcc, carries the LFI note and
# verifies; the same library built by the host gcc does not; and the driver
# refuses to link host code into sandboxed output.
set -u
BUILD=${1:-build}
BIN=$(cd "$BUILD/bin" && pwd)
CC=$BIN/x86_64-lfi-linux-musl-gcc
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1

run() {
	echo "\$ $*" | sed "s|$BIN/||g; s|$T/||g"
	"$@" 2>&1 | sed "s|$BIN/||g; s|$T/||g"
	local st=${PIPESTATUS[0]}
	echo "(exit status $st)"
	echo
	return "$st"
}

cat > count.c <<'C'
#include <stdlib.h>
#include <string.h>

/* How many times each byte value occurs in s; the caller frees it. */
size_t *count_bytes(const char *s)
{
	size_t *n = calloc(256, sizeof *n);
	if (n)
		for (size_t i = 0; i < strlen(s); i++)
			n[(unsigned char)s[i]]++;
	return n;
}
C
echo "== sobox demo: the LFI-x64 toolchain"
echo
cat count.c
echo
ok=0
run "$CC" -O2 -g -fPIC -shared -Wl,-soname,libcount.lfi.so -o libcount.lfi.so count.c || ok=1
run "$BIN/lfi-verify" -v libcount.lfi.so || ok=1
echo "\$ readelf -n libcount.lfi.so | grep -A1 LFI"
readelf -nW libcount.lfi.so | grep -A1 '^  LFI' || ok=1
echo
echo "The same library from the host gcc: not LFI code."
run gcc -O2 -fPIC -shared -o libcount.host.so count.c || ok=1
if run "$BIN/lfi-verify" libcount.host.so; then ok=1; fi
if run "$BIN/lfi-verify" --no-note --first libcount.host.so; then ok=1; fi
echo "Host code cannot be linked into sandboxed output either:"
gcc -O2 -fPIC -c -o host.o count.c
if run "$CC" -shared -o libmixed.lfi.so host.o; then ok=1; fi
[ -e libmixed.lfi.so ] && ok=1

echo "== and the runtime runs what the toolchain builds, in a box"
echo
cat > main.c <<'C'
#include <stdio.h>
#include <stdlib.h>
size_t *count_bytes(const char *s);
int main(int argc, char **argv)
{
	size_t *n = count_bytes(argc > 1 ? argv[1] : "");
	printf("'l' occurs %zu times\n", n['l']);
	if (argc > 2) {		/* a stray write: the box's read-only page */
		*(volatile int *)(long)argc = 0;
	}
	return 0;
}
C
cat main.c
echo
run "$CC" -O2 -o counter main.c -L. -lcount.lfi || ok=1
mkdir -p lib
cp libcount.lfi.so lib/
run "$BIN/lfi-run" --dir "/app=$T/lib" --env LD_LIBRARY_PATH=/app counter "hello, world" || ok=1
echo "A memory bug in the box is a contained fault, reported in one line:"
if run "$BIN/lfi-run" --dir "/app=$T/lib" --env LD_LIBRARY_PATH=/app counter "hello" crash; then ok=1; fi
exit $ok
