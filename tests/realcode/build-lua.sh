#!/bin/bash
# tests/realcode/build-lua.sh BUILD_DIR — Lua 5.4 (Debian source package
# `lua5.4`) through the LFI driver, out of tree in BUILD_DIR/realcode/lua:
#   bin/lua, bin/luac     static-pie: Lua's own src/Makefile, `make linux`
#                         (-O2, -DLUA_COMPAT_5_3 -DLUA_USE_LINUX), in static/
#   lib/liblua5.4.lfi.so.0.0.0 (SONAME liblua5.4.lfi.so.0; links
#                         liblua5.4.lfi.so.0, liblua5.4.lfi.so): the same
#                         Makefile's `a` target with -g -fPIC in shared/, then
#                         one plain driver link with Debian's version script
#                         (debian/version-script, node LUA_5.4)
#
# Why not the Makefile as Debian ships it: Debian's 0001-build-system.patch
# turns src/Makefile into a libtool build that also compiles every file as
# C++ (g++; there is no LFI C++) and calls dpkg-buildflags. We reverse that
# one patch hunk into a copy of the Makefile (upstream Lua's own Makefile,
# which has no shared-library target: hence the plain link, named like
# Debian's liblua5.4.so.0). The sources are symlinked into each build
# directory because upstream's Makefile builds in place. Debian's
# 0002-lua-modules-paths.patch makes luaconf.h include
# lua5.4-deb-multiarch.h, which debian/rules generates; we generate the same.
set -euo pipefail
. "$(dirname "$0")/common.sh"
rc_init lua lua5.4 "${1:-}"
OUTPUTS="lib/liblua5.4.lfi.so.0.0.0 bin/lua bin/luac"
if rc_uptodate; then echo "lua: up to date"; exit 0; fi
rc_start
cd "$OBJ"

# Upstream's src/Makefile: reverse Debian's hunk for it (the last file of
# the patch) into a copy.
if ! sed -n '/^--- a\/src\/Makefile/,$p' "$SRC/debian/patches/0001-build-system.patch" |
	patch -R -s -o Makefile.upstream "$SRC/src/Makefile" >patch.log 2>&1; then
	rc_fail_all "reversing Debian's src/Makefile patch failed: $(rc_reason patch.log)"
	rc_finish
fi
for d in static shared; do
	mkdir -p "$d"
	cp Makefile.upstream "$d/Makefile"
	ln -s "$SRC"/src/*.[ch] "$d/"
	printf '%s\n' '#ifndef _LUA_DEB_MULTIARCH_' '#define _LUA_DEB_MULTIARCH_' \
		'#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"' '#endif' \
		>"$d/lua5.4-deb-multiarch.h"
done

# The programs: `make linux`, linked static-pie (MYLDFLAGS is the
# Makefile's own hook for extra link flags).
make -C static -k -j2 linux CC="$CC_LFI -std=gnu99" MYLDFLAGS=-static-pie \
	>static.log 2>&1 || true &
# The library objects: the same Makefile, PIC and with debug info
# (MYCFLAGS is its hook for extra compile flags), target `a` (liblua.a).
{ make -C shared -k -j2 linux ALL=a CC="$CC_LFI -std=gnu99" MYCFLAGS="-g -fPIC" \
	>shared.log 2>&1 &&
  "$CC_LFI" -std=gnu99 -shared -Wl,-soname,liblua5.4.lfi.so.0 \
	-Wl,--version-script,"$SRC/debian/version-script" \
	-o shared/liblua5.4.lfi.so.0.0.0 \
	-Wl,--whole-archive shared/liblua.a -Wl,--no-whole-archive -lm -ldl \
	>>shared.log 2>&1; } || true &
wait

rc_install shared/liblua5.4.lfi.so.0.0.0 lib/liblua5.4.lfi.so.0.0.0 "$OBJ/shared.log" \
	liblua5.4.lfi.so.0 liblua5.4.lfi.so
rc_install static/lua bin/lua "$OBJ/static.log"
rc_install static/luac bin/luac "$OBJ/static.log"
rc_finish
