#!/bin/bash
# tests/realcode/build-sqlite3.sh BUILD_DIR — SQLite (Debian source package
# `sqlite3`, the canonical tree) through the LFI driver, out of tree in
# BUILD_DIR/realcode/sqlite3:
#   1. SQLite's configure with CC=the driver (as a cross build: the host
#      cannot run LFI programs), Debian's configure options and CFLAGS
#      (debian/rules: -O2 -fno-strict-aliasing and its -DSQLITE_* feature
#      defines, so the library exports what Debian's libsqlite3.so.0 does),
#      plus autoconf's default -g;
#   2. `make sqlite3.c shell.c`: the amalgamation, generated with tclsh and
#      host tools built by the host gcc (BCC; CROSS_BUILDING=yes is Debian's
#      switch in 30-cross.patch that builds lemon with BCC);
#   3. sqlite3-lfi.mk's rules on top of the generated Makefile:
#      lib/libsqlite3.lfi.so.0.8.6 (SONAME libsqlite3.lfi.so.0; links
#      libsqlite3.lfi.so.0, libsqlite3.lfi.so), bin/sqlite3 (the shell) and
#      bin/speedtest1 (test/speedtest1.c), both static-pie.
set -euo pipefail
. "$(dirname "$0")/common.sh"
RC_EXTRA_DEPS=$(dirname "$0")/sqlite3-lfi.mk
rc_init sqlite3 sqlite3 "${1:-}"
OUTPUTS="lib/libsqlite3.lfi.so.0.8.6 bin/sqlite3 bin/speedtest1"
if rc_uptodate; then echo "sqlite3: up to date"; exit 0; fi
rc_start
cd "$OBJ"
command -v tclsh >/dev/null 2>&1 || command -v tclsh8.6 >/dev/null 2>&1 || {
	rc_fail_all "tclsh not found (package tcl8.6: scripts/install-deps.sh)"
	rc_finish
}

# debian/rules' CFLAGS (without dpkg-buildflags' hardening flags).
DEBIAN_CFLAGS="-O2 -fno-strict-aliasing
	-DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA
	-DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS
	-DSQLITE_ENABLE_RTREE=1 -DSQLITE_SOUNDEX=1
	-DSQLITE_ENABLE_UNLOCK_NOTIFY
	-DSQLITE_OMIT_LOOKASIDE=1 -DSQLITE_ENABLE_DBSTAT_VTAB
	-DSQLITE_ALLOW_ROWID_IN_VIEW
	-DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1
	-DSQLITE_ENABLE_LOAD_EXTENSION
	-DSQLITE_ENABLE_JSON1
	-DSQLITE_LIKE_DOESNT_MATCH_BLOBS
	-DSQLITE_THREADSAFE=1
	-DSQLITE_ENABLE_FTS3_TOKENIZER=1
	-DSQLITE_USE_URI=1
	-DSQLITE_MAX_SCHEMA_RETRY=25
	-DSQLITE_ENABLE_PREUPDATE_HOOK
	-DSQLITE_ENABLE_SESSION
	-DSQLITE_ENABLE_STMTVTAB
	-DSQLITE_MAX_VARIABLE_NUMBER=250000"
# Debian's configure options, minus the Tcl extension (needs libtcl) and
# readline (not in the sysroot). Debian's patches to configure.ac take
# effect through dh_autoreconf, which we do not run; the one that changes
# the library (10-665363: no malloc_usable_size) is applied as a cache
# variable instead.
if ! "$SRC/configure" --build=x86_64-pc-linux-gnu --host=x86_64-lfi-linux-musl \
	CC="$CC_LFI" BUILD_CC=gcc CFLAGS="-g $(echo $DEBIAN_CFLAGS)" \
	ac_cv_func_malloc_usable_size=no \
	--prefix=/usr --enable-threadsafe --enable-load-extension --enable-json \
	--enable-fts4 --enable-fts5 --disable-amalgamation \
	--disable-tcl --disable-readline --disable-editline \
	>configure.log 2>&1; then
	rc_fail_all "configure failed: $(rc_reason config.log)"
	rc_finish
fi

if ! make -j2 CROSS_BUILDING=yes sqlite3.c shell.c >amalgamation.log 2>&1; then
	rc_fail_all "make sqlite3.c shell.c failed: $(rc_reason amalgamation.log)"
	rc_finish
fi

make -f Makefile -f "$RC_HERE/sqlite3-lfi.mk" -k -j2 CROSS_BUILDING=yes lfi-all \
	>make.log 2>&1 || true

rc_install libsqlite3.lfi.so.0.8.6 lib/libsqlite3.lfi.so.0.8.6 "$OBJ/make.log" \
	libsqlite3.lfi.so.0 libsqlite3.lfi.so
rc_install sqlite3.lfi bin/sqlite3 "$OBJ/make.log"
rc_install speedtest1.lfi bin/speedtest1 "$OBJ/make.log"
rc_finish
