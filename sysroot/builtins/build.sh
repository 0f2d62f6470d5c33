#!/bin/bash
# Builds the compiler-builtins library (what libgcc.a gives gcc's code)
# from the C files here, through the LFI driver, which verifies every
# object. Writes BUILD_DIR/sysroot/lib/libbuiltins.a; on any failure it
# leaves the previous archive (or none), never a half-written one.
# Usage: sysroot/builtins/build.sh BUILD_DIR
set -eu
B=$(cd "${1:?usage: build.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")" && pwd)
CC=$B/bin/x86_64-lfi-linux-musl-gcc
OBJ=$B/builtins-build
OUT=$B/sysroot/lib/libbuiltins.a

# -fvisibility=hidden: like libgcc.a's, these functions must not be
# exported from a shared library that links them in.
CFLAGS="-O2 -fPIC -fvisibility=hidden -std=gnu17 -Wall -Wextra -Werror"

rm -rf "$OBJ"
mkdir -p "$OBJ" "$B/sysroot/lib"
objs=()
for c in "$SRC"/*.c; do
	o=$OBJ/$(basename "${c%.c}").o
	"$CC" $CFLAGS -c "$c" -o "$o"
	objs+=("$o")
done

tmp=$(mktemp "$OUT.tmp-XXXXXX")
trap 'rm -f "$tmp"' EXIT
rm -f "$tmp"
ar rcs "$tmp" "${objs[@]}"
mv -f "$tmp" "$OUT"
trap - EXIT
echo "libbuiltins.a: ${#objs[@]} objects"
