#!/bin/bash
# sysroot/build.sh BUILD_DIR — first step of the LFI-x64 musl sysroot.
#
# Fetches Debian's musl source into BUILD_DIR/src/musl, lays the project's
# replacements (sysroot/arch/x86_64/) over it, configures it out of tree in
# BUILD_DIR/sysroot-build with the LFI driver, installs the headers into
# BUILD_DIR/sysroot/include and builds lib/libc.a (compile + ar only; no
# linking yet). SYSROOT_PRISTINE=1 skips the replacements (to see which of
# musl's own files fail). The build log is BUILD_DIR/sysroot-build/make.log.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
mkdir -p "$1"
B=$(cd "$1" && pwd)
src=$B/src/musl
obj=$B/sysroot-build
cc=$B/bin/x86_64-lfi-linux-musl-gcc
[ -x "$cc" ] || { echo "$0: $cc missing: run make first" >&2; exit 1; }

# 1. Source: a fresh tree every time (fetch-source.sh replaces it whole and
#    reuses its download cache), so earlier overlays never linger.
(cd "$top" && scripts/fetch-source.sh musl "$src" "$B")

# 2. The project's replacements. musl prefers src/*/x86_64/NAME.s over
#    src/*/NAME.c; deleting a .s makes it fall back to the C version.
if [ "${SYSROOT_PRISTINE:-0}" != 1 ]; then
	while read -r f; do
		rm -f "$src/$f"
	done < "$here/arch/x86_64/delete.txt"
	# Files under sysroot/arch/x86_64/ mirror musl's tree (src/..., arch/...).
	(cd "$here/arch/x86_64" && find . -mindepth 2 -type f) | while read -r f; do
		mkdir -p "$(dirname "$src/$f")"
		cp "$here/arch/x86_64/$f" "$src/$f"
	done
fi

# 3. Configure out of tree. configure only compiles (-c) except for
#    tryldflag, whose links the driver refuses (the flags are then simply
#    not used, and no host libgcc is found: LIBCC stays empty).
rm -rf "$obj"
mkdir -p "$obj"
cd "$obj"
# --target: toolchain-notes item 12 (configure then wants a prefixed ar).
"$src/configure" --target=x86_64-lfi-linux-musl --prefix=/ --disable-shared \
	--disable-wrapper CC="$cc" AR=ar RANLIB=ranlib \
	> configure.log 2>&1 || { cat configure.log >&2; exit 1; }

# 4. Headers, then libc.a. -k: keep going past failing files; the log keeps
#    every failure (tests/sysroot/run.sh and README "Status" read it).
make CC="$cc" DESTDIR="$B/sysroot" install-headers > headers.log 2>&1
status=0
make CC="$cc" -k -j2 lib/libc.a > make.log 2>&1 || status=$?
failed=$(grep -c '^make: \*\*\* \[.*obj/' make.log || true)
echo "sysroot: $failed object(s) failed; make status $status; log $obj/make.log"
# 5. Only a complete libc.a goes into the sysroot.
mkdir -p "$B/sysroot/lib"
rm -f "$B/sysroot/lib/libc.a"
[ $status -ne 0 ] || cp lib/libc.a "$B/sysroot/lib/libc.a"
exit $status
