#!/bin/bash
# Real libraries through their .box.so: zlib, Lua and SQLite from
# tests/realcode (BUILD_DIR/realcode/lib/*.lfi.so), each made into a
# .box.so by sobox and driven by a host program of tests/sobox/realcode/.
# zlib's results are compared byte for byte with a native build of the
# same zlib source. Usage: tests/sobox/realcode.sh BUILD_DIR
# Prints PASS:/FAIL:/SKIP: lines and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: realcode.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/realcode" && pwd)
SOBOX=$B/bin/sobox
LIB=$B/realcode/lib
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: sobox/realcode/$1"; }
failt() { echo "FAIL: sobox/realcode/$1: $2"; }
skip() { echo "SKIP: sobox/realcode/$1: $2"; }
first() { head -n1 "$1" | cut -c1-300; }

# box NAME INPUT: DIR/NAME/OUT made by sobox from INPUT, and the symlink
# by its SONAME next to it: the program's DT_NEEDED names the SONAME
# (libz.so.1), so that is the name the loader must find in its rpath
# (else it takes the system's libz.so.1).
box() {
	local name=$1 input=$2 out=$TMP/$1/$3
	mkdir -p "$TMP/$name"
	if ! "$SOBOX" -o "$out" "$input" 2> "$TMP/$name/sobox.err"; then
		failt "$name/make-box" "$(grep -v 'not exported: data object' "$TMP/$name/sobox.err" | head -n1)"
		return 1
	fi
	local soname
	soname=$(readelf -d "$out" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
	ln -sf "$(basename "$out")" "$TMP/$name/$soname"
	pass "$name/make-box"
}

# run NAME PROGRAM-SOURCE CMD...: runs CMD (out, err in NAME/), relays its
# PASS:/FAIL: lines; a program that dies or hangs is a FAIL, and so is
# every check of its source it did not reach.
run() {
	local name=$1 src=$2 st c
	shift 2
	# (braces: the shell's own "Segmentation fault" line goes nowhere)
	{ timeout 60 "$@" > "$TMP/$name/out" 2> "$TMP/$name/err"; st=$?; } 2> /dev/null
	grep -E '^(PASS|FAIL):' "$TMP/$name/out"
	[ "$st" -eq 0 ] && return 0
	if [ "$st" -gt 128 ]; then
		failt "$name/exit" "killed by signal $((st - 128)) after: $(grep -E '^(PASS|FAIL):' "$TMP/$name/out" | tail -n1); stderr: $(first "$TMP/$name/err")"
	else
		failt "$name/exit" "status $st; stderr: $(first "$TMP/$name/err")"
	fi
	for c in $(grep -o 'check("[a-z0-9-]*"' "$src" | sed 's/check("\(.*\)"/\1/'); do
		grep -qE "^(PASS|FAIL): sobox/realcode/[a-z]+/([a-z]+/)?$c(: .*)?\$" "$TMP/$name/out" ||
			failt "$name/$c" "not reached"
	done
	return 1
}

# stderr_is NAME TEST ERE COUNT: the program's stderr is COUNT lines, each
# matching ERE (the one line of each failed call, and nothing else).
stderr_is() {
	local err=$TMP/$1/err n
	n=$(wc -l < "$err")
	if [ "$n" -eq "$4" ] && { [ "$4" -eq 0 ] || [ "$(grep -cE "$3" "$err")" -eq "$4" ]; }; then
		pass "$1/$2"
	else
		failt "$1/$2" "$n line(s) on stderr, want $4: $(tr '\n' '|' < "$err" | cut -c1-400)"
	fi
}

# ---- zlib: the box against a native build of the same source
ZSRC=$B/src/zlib
if [ ! -e "$LIB/libz.lfi.so.1" ]; then
	skip zlib "$LIB/libz.lfi.so.1 not built (tests/realcode/run.sh builds it)"
elif box zlib "$LIB/libz.lfi.so.1" libz.box.so; then
	# zconf.h as configure made it for the LFI build, zlib.h from the source
	zinc="-I$B/realcode/zlib -I$ZSRC"
	if gcc -O2 -Wall -pthread -o zlib/zbox "$SRC/zhost.c" $zinc -Izlib -Lzlib -l:libz.box.so \
		-Wl,-rpath,"$TMP/zlib" 2> zlib/cc.err; then
		run zlib "$SRC/zhost.c" ./zlib/zbox
		stderr_is zlib box/refusals-one-line-each \
			'^libz\.box\.so: (crc32|deflateInit_): pointer argument %r[sd][ix] 0x[0-9a-f]+ is neither NULL nor inside the box: the call fails$' 2
	else
		failt zlib/build-host "$(first zlib/cc.err)"
	fi
	# the reference: zlib's library objects from the same Debian source
	# tree, compiled by the host gcc with the LFI build's flags (its
	# Makefile's SFLAGS), in an archive linked into the same program
	mkdir -p native
	if [ ! -f "$ZSRC/zlib.h" ]; then
		skip zlib/same-as-native "$ZSRC missing (tests/realcode/build-zlib.sh fetches it)"
	else
		for f in adler32 crc32 deflate infback inffast inflate inftrees trees zutil \
			 compress uncompr gzclose gzlib gzread gzwrite; do
			gcc -O3 -fPIC -D_LARGEFILE64_SOURCE=1 -DHAVE_HIDDEN -I"$B/realcode/zlib" \
				-c "$ZSRC/$f.c" -o native/$f.o 2>> native/cc.err &
		done
		wait
		if ar rcs native/libz-native.a native/*.o 2>> native/cc.err &&
			gcc -O2 -Wall -pthread -DNATIVE -o native/znative "$SRC/zhost.c" $zinc \
				native/libz-native.a 2>> native/cc.err; then
			mkdir -p znative
			run znative "$SRC/zhost.c" ./native/znative | grep -v '^PASS:'
			stderr_is znative quiet '.' 0 | grep -v '^PASS:'
			# every result line of the box run, the same in the native one
			grep '^= ' zlib/out | while read -r _ what rest; do
				nat=$(grep "^= $what " znative/out)
				if [ "$nat" = "= $what $rest" ]; then
					pass "zlib/same-as-native/$what"
				else
					failt "zlib/same-as-native/$what" "box: $rest; native: ${nat#= $what }"
				fi
			done
			[ "$(grep -c '^= ' zlib/out)" -eq "$(grep -c '^= ' znative/out)" ] &&
				[ "$(grep -c '^= ' zlib/out)" -gt 10 ] && pass zlib/same-as-native/count ||
				failt zlib/same-as-native/count "$(grep -c '^= ' zlib/out) result lines boxed, $(grep -c '^= ' znative/out) native"
		else
			failt zlib/build-native "$(first native/cc.err)"
		fi
	fi
fi

# ---- zlib's .box.so through dlopen
if [ -f zlib/libz.box.so ]; then
	mkdir -p dlopen
	if gcc -O2 -Wall -o dlopen/zdl "$SRC/zdlopen.c" -ldl 2> dlopen/cc.err; then
		run dlopen "$SRC/zdlopen.c" ./dlopen/zdl "$TMP/zlib/libz.box.so"
		stderr_is dlopen quiet '.' 0
	else
		failt dlopen/build-host "$(first dlopen/cc.err)"
	fi
fi

# ---- Lua
if [ ! -e "$LIB/liblua5.4.lfi.so.0" ]; then
	skip lua "$LIB/liblua5.4.lfi.so.0 not built (tests/realcode/run.sh builds it)"
elif box lua "$LIB/liblua5.4.lfi.so.0" liblua5.4.box.so; then
	if gcc -O2 -Wall -o lua/luabox "$SRC/luahost.c" -I"$B/realcode/lua/shared" -Ilua \
		-Llua -l:liblua5.4.box.so -Wl,-rpath,"$TMP/lua" 2> lua/cc.err; then
		if run lua "$SRC/luahost.c" ./lua/luabox; then
			# io.write in the box reached our stdout
			grep -qx 'box says: 42' lua/out && pass lua/io-write-output ||
				failt lua/io-write-output "no 'box says: 42' line"
			# the longjmp across the boundary: detected and reported,
			# the call fails, the state still usable afterwards
			grep -q 'the box returned on another stack (a longjmp across the boundary?): the call fails$' lua/err &&
				grep -q '^= across rc -1 ' lua/out && pass lua/longjmp-across-detected ||
				failt lua/longjmp-across-detected "$(grep '^= across' lua/out); stderr: $(first lua/err)"
			grep -qx '= after-across rc 0 value 42' lua/out && pass lua/usable-after-longjmp ||
				failt lua/usable-after-longjmp "$(grep '^= after-across' lua/out)"
			# ... and reported by its one line only. The host callback
			# goes on after the failed nested call and returns into the
			# box frame the longjmp discarded: a second failure (a SEGV
			# at pc 0 in the box) until the runtime refuses that return.
			stderr_is lua longjmp-across-one-line 'returned on another stack' 1
		fi
	else
		failt lua/build-host "$(first lua/cc.err)"
	fi
fi

# ---- SQLite
if [ ! -e "$LIB/libsqlite3.lfi.so.0" ]; then
	skip sqlite "$LIB/libsqlite3.lfi.so.0 not built (tests/realcode/run.sh builds it)"
elif box sqlite "$LIB/libsqlite3.lfi.so.0" libsqlite3.box.so; then
	if gcc -O2 -Wall -o sqlite/sqlbox "$SRC/sqlhost.c" -I"$B/realcode/sqlite3" -Isqlite \
		-Lsqlite -l:libsqlite3.box.so -Wl,-rpath,"$TMP/sqlite" 2> sqlite/cc.err; then
		run sqlite "$SRC/sqlhost.c" ./sqlite/sqlbox
		# nothing on stderr but what bind-text-transient's failure says
		grep -v 'sqlite3_bind_text: pointer argument %r8 0xffffffffffffffff' sqlite/err > sqlite/err2
		[ -s sqlite/err2 ] && failt sqlite/quiet "$(first sqlite/err2)" || pass sqlite/quiet
	else
		failt sqlite/build-host "$(first sqlite/cc.err)"
	fi
fi
exit 0
