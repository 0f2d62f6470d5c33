#!/bin/bash
# sysroot/build.sh BUILD_DIR — the LFI-x64 musl sysroot.
#
# Fetches Debian's musl source into BUILD_DIR/src/musl, lays the project's
# replacements (sysroot/arch/x86_64/) over it, configures it out of tree in
# BUILD_DIR/sysroot-build with the LFI driver, installs the headers into
# BUILD_DIR/sysroot/include, builds libc.a, libc.so, the crt files and
# musl's empty libm.a & co., and installs them into BUILD_DIR/sysroot/lib
# with ld-musl-x86_64.so.1 -> libc.so. SYSROOT_PRISTINE=1 skips the
# replacements (to see which of musl's own files fail). The build log is
# BUILD_DIR/sysroot-build/make.log.
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

# 3. Configure out of tree. configure's link tests (tryldflag) go through
#    the driver's link step; its -lgcc is the sysroot's libbuiltins.a.
rm -rf "$obj"
mkdir -p "$obj"
cd "$obj"
# --target: toolchain-notes item 12 (configure then wants a prefixed ar).
"$src/configure" --target=x86_64-lfi-linux-musl --prefix=/ \
	--disable-wrapper CC="$cc" AR=ar RANLIB=ranlib \
	> configure.log 2>&1 || { cat configure.log >&2; exit 1; }

# 4. Headers, then the libraries. -k: keep going past failing files; the
#    log keeps every failure (tests/sysroot/run.sh and README "Status" read
#    it).
make CC="$cc" DESTDIR="$B/sysroot" install-headers > headers.log 2>&1
status=0
make CC="$cc" -k -j2 all > make.log 2>&1 || status=$?
failed=$(grep -cE '^make(\[[0-9]+\])?: \*\*\* ' make.log || true)
echo "sysroot: $failed target(s) failed; make status $status; log $obj/make.log"
# 5. Only a complete set goes into the sysroot (musl's install-libs would
#    make ld-musl an absolute symlink to /lib/libc.so).
libs="crt1.o rcrt1.o Scrt1.o crti.o crtn.o libc.a libc.so libm.a librt.a
libpthread.a libcrypt.a libutil.a libxnet.a libresolv.a libdl.a"
mkdir -p "$B/sysroot/lib"
for f in $libs ld-musl-x86_64.so.1; do rm -f "$B/sysroot/lib/$f"; done
[ $status -eq 0 ] || exit $status
for f in $libs; do cp "lib/$f" "$B/sysroot/lib/$f"; done
ln -s libc.so "$B/sysroot/lib/ld-musl-x86_64.so.1"
