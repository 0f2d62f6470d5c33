#!/bin/bash
# scripts/build-zydis.sh BUILD_DIR — Zydis as a static, position-independent
# archive, so that nothing the project builds (every .box.so above all)
# needs libZydis.so at run time.
#
# Fetches Debian's `zydis` source package into BUILD_DIR/src/zydis (the
# version of the release scripts/fetch-source.sh selects: 4.0.0 in
# bookworm), compiles its src/*.c directly (no cmake) with -fPIC -O2, all
# features on (decoder, encoder, formatter, AVX-512, KNC, segments: Debian's
# own configuration), hidden visibility, and installs:
#   BUILD_DIR/zydis/include/Zydis/...   the headers of that same source
#   BUILD_DIR/zydis/VERSION             the Debian version built
#   BUILD_DIR/lib/libZydis.a            next to liblfiverify.a (sobox finds
#                                       its archives in <bin>/../lib)
# Zycore, Zydis' support library, is only headers for Zydis: libZydis
# calls none of its functions (checked below), exactly as in Debian's own
# build, which compiles against libzycore-dev's headers; they come from
# that package (scripts/install-deps.sh).
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
die() { echo "build-zydis: $*" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
mkdir -p "$1"
B=$(cd "$1" && pwd)
src=$B/src/zydis
obj=$B/zydis/obj
inc=$B/zydis/include
lib=$B/lib/libZydis.a
CC=${CC:-gcc}
AR=${AR:-ar}

[ -r /usr/include/Zycore/Zycore.h ] ||
	die "Zycore headers missing (/usr/include/Zycore): install libzycore-dev (scripts/install-deps.sh)"

# 1. Source, Debian's patches applied (a fresh tree every time).
line=$(cd "$top" && scripts/fetch-source.sh zydis "$src" "$B")
version=$(echo "$line" | awk '{ print $2 }')
case $version in
4.*) ;;
*) die "Debian's zydis is version $version; the verifier is written for Zydis 4" ;;
esac
[ -r "$src/include/Zydis/Zydis.h" ] && [ -r "$src/src/Decoder.c" ] ||
	die "$src: not a Zydis source tree"

# 2. Compile: every file of src/ (the full-feature set of its CMakeLists),
#    nine files per compiler run, two runs at a time, objects in $obj.
rm -rf "$obj"
mkdir -p "$obj"
(cd "$obj" && ls "$src"/src/*.c | xargs -P 2 -n 9 "$CC" -std=gnu11 -O2 -fPIC \
	-fvisibility=hidden -DZYDIS_STATIC_BUILD -DZYCORE_STATIC_BUILD \
	-D_CRT_SECURE_NO_WARNINGS -I"$src/include" -I"$src/src" -c) ||
	die "compiling $src/src failed"
nobj=$(ls "$obj"/*.o | wc -l)
[ "$nobj" -eq "$(ls "$src"/src/*.c | wc -l)" ] || die "only $nobj objects built"

# 3. Zycore stays header-only: no object may need one of its functions.
undef=$(nm -u "$obj"/*.o | awk '$1 == "U" && $2 ~ /^Zy(an|core)/ { print $2 }' | sort -u)
[ -z "$undef" ] || die "Zydis needs Zycore functions: $(echo $undef)"

# 4. Install: headers first, the archive last (renamed into place), so the
#    archive's time stamp covers both for make.
rm -rf "$inc.tmp"
mkdir -p "$inc.tmp"
cp -R "$src/include/Zydis" "$inc.tmp/"
rm -rf "$inc"
mv "$inc.tmp" "$inc"
echo "$version" > "$B/zydis/VERSION"
mkdir -p "$B/lib"
rm -f "$lib.tmp"
"$AR" rcs "$lib.tmp" "$obj"/*.o
mv "$lib.tmp" "$lib"
echo "zydis: $version -> $lib ($(wc -c < "$lib") bytes), headers $inc"
