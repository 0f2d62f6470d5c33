#!/bin/bash
# tests/realcode/build-zlib.sh BUILD_DIR — zlib (Debian source package
# `zlib`) through the LFI driver with zlib's own configure and Makefile,
# out of tree in BUILD_DIR/realcode/zlib:
#   lib/libz.lfi.so.1.2.13 (SONAME libz.lfi.so.1; links libz.lfi.so.1 and
#       libz.lfi.so), -O3 -g, version script zlib.map (ZLIB_1.2.0 ...)
#   bin/minigzip, bin/example   static-pie, linked with libz.a
# Skipped when the outputs are newer than the driver, its tools, the
# sysroot and these scripts (see common.sh).
set -euo pipefail
. "$(dirname "$0")/common.sh"
rc_init zlib zlib "${1:-}"
OUTPUTS="lib/libz.lfi.so.1.2.13 bin/minigzip bin/example"
if rc_uptodate; then echo "zlib: up to date"; exit 0; fi
rc_start
cd "$OBJ"

# configure: zlib's own default optimisation (-O3; Debian uses -O3 too)
# plus -g. The names with .lfi inserted go in through the variables
# configure honours; LDSHARED is configure's own Linux default with the
# SONAME changed (zlib.map stays the version script).
ver=$(sed -n 's/^#define ZLIB_VERSION "\(.*\)"/\1/p' "$SRC/zlib.h")
[ "$ver" = 1.2.13 ] || echo "zlib: warning: version $ver, outputs still named 1.2.13" >&2
if ! CC="$CC_LFI" CFLAGS="-O3 -g" \
	LDSHARED="$CC_LFI -shared -Wl,-soname,libz.lfi.so.1,--version-script,$SRC/zlib.map" \
	SHAREDLIB=libz.lfi.so SHAREDLIBV=libz.lfi.so.1.2.13 SHAREDLIBM=libz.lfi.so.1 \
	"$SRC/configure" --prefix=/usr >configure.out 2>&1; then
	rc_fail_all "configure failed: $(rc_reason configure.log)"
	rc_finish
fi
# configure quietly drops the shared library when its trial link fails.
if ! grep -q 'Building shared library libz.lfi.so.1.2.13' configure.log; then
	rc_reason configure.log >errors/libz.lfi.so.1.2.13.pre
	sed -i '1s/^/configure could not link a shared library: /' errors/libz.lfi.so.1.2.13.pre
fi

# The programs: static-pie instead of the Makefile's default link.
# TEST_LDFLAGS is the Makefile's own variable for them ($(LDFLAGS) -L. libz.a).
make -k -j2 libz.a libz.lfi.so.1.2.13 minigzip example \
	TEST_LDFLAGS="-static-pie -L. libz.a" >make.log 2>&1 || true

rc_install libz.lfi.so.1.2.13 lib/libz.lfi.so.1.2.13 "$OBJ/make.log" libz.lfi.so.1 libz.lfi.so
[ -e errors/libz.lfi.so.1.2.13.pre ] && [ -e errors/libz.lfi.so.1.2.13 ] &&
	mv errors/libz.lfi.so.1.2.13.pre errors/libz.lfi.so.1.2.13
rm -f errors/libz.lfi.so.1.2.13.pre
rc_install minigzip bin/minigzip "$OBJ/make.log"
rc_install example bin/example "$OBJ/make.log"
rc_finish
