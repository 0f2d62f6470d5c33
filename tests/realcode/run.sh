#!/bin/bash
# tests/realcode/run.sh BUILD_DIR — build zlib, Lua 5.4 and SQLite through
# the LFI driver (build-*.sh: skipped when up to date) and check every
# output. Prints one "PASS: realcode/NAME" or "FAIL: realcode/NAME: reason"
# per check ("SKIP:" when a comparison has nothing to compare with), and
# "# ..." lines with the build times; exits 0 (the caller counts).
set -u
export LC_ALL=C
B=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
H=$(cd "$(dirname "$0")" && pwd)
R=$B/realcode
VERIFY=$B/bin/lfi-verify
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$R"

pass() { echo "PASS: realcode/$1"; }
fail() { echo "FAIL: realcode/$1: $2"; }
skip() { echo "SKIP: realcode/$1: $2"; }
oneline() { tr '\n' ' ' | sed 's/ *$//' | cut -c1-400; }

# --- builds -------------------------------------------------------------
for lib in zlib lua sqlite3; do
	t0=$(date +%s)
	"$H/build-$lib.sh" "$B" >"$R/$lib.log" 2>&1
	st=$?
	echo "# realcode: $(tail -n1 "$R/$lib.log") [$(($(date +%s) - t0))s this run, status $st, log $R/$lib.log]"
done

# exported FILE: "name version address" for every defined dynamic function
# or object (version "Base" when unversioned).
exported() {
	# objdump -T: ADDR FLAGS... D[FO] SECTION SIZE [VERSION] NAME (no
	# VERSION column at all in a library without symbol versioning).
	objdump -T "$1" | awk '/ D[FO] / && !/\*UND\*/ {
		for (i = 2; i <= NF && $i !~ /^D[FO]$/; i++) ;
		v = (NF >= i + 4) ? $(i + 3) : "Base"; gsub(/[()]/, "", v)
		print $NF, v, $1 }' | sort -u
}

# output LIB REL: is the output there? Prints the FAIL line with the
# reason the build recorded otherwise.
output() {
	local lib=$1 rel=$2 name
	name=$(basename "$rel")
	if [ -f "$R/$rel" ]; then
		pass "$lib/$name/exists"
		return 0
	fi
	if [ -s "$R/$lib/errors/$name" ]; then
		fail "$lib/$name/exists" "not built: $(oneline <"$R/$lib/errors/$name")"
	else
		fail "$lib/$name/exists" "not built (no reason recorded; see $R/$lib.log: $(tail -n1 "$R/$lib.log" 2>/dev/null | oneline))"
	fi
	return 1
}

# common_checks LIB FILE: verifier, LFI note, no PLT.
common_checks() {
	local lib=$1 f=$2 name out
	name=$(basename "$f")
	if out=$("$VERIFY" "$f" 2>&1); then
		pass "$lib/$name/lfi-verify"
	else
		fail "$lib/$name/lfi-verify" "$(printf '%s\n' "$out" | head -n3 | oneline)"
	fi
	if readelf -nW "$f" 2>/dev/null | grep -qE '^[[:space:]]+LFI[[:space:]]+0x'; then
		pass "$lib/$name/lfi-note"
	else
		fail "$lib/$name/lfi-note" "readelf -n shows no note owned by LFI"
	fi
	out=$(readelf -SW "$f" 2>/dev/null | grep -oE '\.(plt|plt\.got|plt\.sec|iplt|rela\.plt)[[:space:]]' | oneline)
	if [ -z "$out" ]; then
		pass "$lib/$name/no-plt"
	else
		fail "$lib/$name/no-plt" "sections: $out"
	fi
}

# shared LIB REL SONAME DWARF_FUNC SYMBOL[@VERSION]...
shared() {
	local lib=$1 rel=$2 soname=$3 dfunc=$4 f name s missing="" got addr a
	shift 4
	f=$R/$rel
	name=$(basename "$rel")
	output "$lib" "$rel" || return 0
	common_checks "$lib" "$f"
	if readelf -hW "$f" | grep -qE 'Type:[[:space:]]+DYN'; then
		pass "$lib/$name/type-dyn"
	else
		fail "$lib/$name/type-dyn" "$(readelf -hW "$f" | grep 'Type:' | oneline)"
	fi
	got=$(readelf -dW "$f" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
	if [ "$got" = "$soname" ]; then
		pass "$lib/$name/soname"
	else
		fail "$lib/$name/soname" "SONAME is '$got', expected $soname"
	fi
	# Only the sandbox's libc (musl's libc.so) may be needed.
	got=$(readelf -dW "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -vx 'libc.so' | oneline)
	if [ -z "$got" ]; then
		pass "$lib/$name/needed"
	else
		fail "$lib/$name/needed" "needs $got (only libc.so expected)"
	fi
	exported "$f" >"$TMP/$name.exp"
	cut -d' ' -f1,2 "$TMP/$name.exp" | sort -u >"$TMP/$name.nv"
	for s in "$@"; do
		case $s in
		*@*) grep -q "^${s%@*} ${s#*@} " "$TMP/$name.exp" || missing="$missing $s" ;;
		*) grep -q "^$s " "$TMP/$name.exp" || missing="$missing $s" ;;
		esac
	done
	if [ -z "$missing" ]; then
		pass "$lib/$name/exports ($(wc -l <"$TMP/$name.exp") symbols)"
	else
		fail "$lib/$name/exports" "missing:$missing"
	fi
	# DWARF: .debug_info with the definition of DFUNC: a DW_TAG_subprogram
	# of that DW_AT_name whose DW_AT_low_pc is the exported address.
	addr=$(awk -v fn="$dfunc" '$1 == fn { print $3; exit }' "$TMP/$name.exp")
	if ! readelf -SW "$f" | grep -q '\.debug_info'; then
		fail "$lib/$name/dwarf" "no .debug_info section"
	else
		got=$(readelf --debug-dump=info "$f" 2>/dev/null | awk -v fn="$dfunc" '
			function done_die() { if (sub_ && nm == fn) print (lo == "" ? "declaration" : lo) }
			/^ *<[0-9]+><[0-9a-f]+>: Abbrev Number/ {
				done_die(); sub_ = ($0 ~ /DW_TAG_subprogram/); nm = ""; lo = "" }
			sub_ && /DW_AT_name/ { nm = $NF }
			sub_ && /DW_AT_low_pc/ { lo = $NF; sub(/^0x0*/, "", lo) }
			END { done_die() }' | oneline)
		a=${addr#"${addr%%[!0]*}"}
		case " $got " in
		*" $a "*) pass "$lib/$name/dwarf (DW_TAG_subprogram $dfunc at 0x$a)" ;;
		"  ") fail "$lib/$name/dwarf" "no DW_TAG_subprogram named $dfunc in .debug_info" ;;
		*) fail "$lib/$name/dwarf" "DW_TAG_subprogram $dfunc at [$got], exported at 0x$a" ;;
		esac
	fi
}

# version_script LIB REL SCRIPT [exact]: every name the version script
# exports (no wildcards) is exported with its node; with "exact", nothing
# else is (but the version nodes' own symbols).
version_script() {
	local lib=$1 rel=$2 script=$3 exact=${4:-} name missing extra=""
	name=$(basename "$rel")
	[ -f "$R/$rel" ] || return 0
	if [ ! -f "$script" ]; then
		fail "$lib/$name/version-script" "$script missing"
		return 0
	fi
	# Tokens after removing /* */ and # comments; inside NODE { ... } names
	# are global until "local:" (and after "global:"). _IO_stdin_used is a
	# glibc executable symbol Debian's Lua script lists; no library defines it.
	awk '
		{ sub(/#.*/, ""); t = t " " $0 }
		END {
			while ((i = index(t, "/*")) > 0) {
				j = index(substr(t, i + 2), "*/")
				t = substr(t, 1, i - 1) " " (j ? substr(t, i + j + 3) : "")
			}
			gsub(/[{};:]/, " & ", t)
			n = split(t, w, /[[:space:]]+/)
			depth = 0
			for (i = 1; i <= n; i++) {
				if (w[i] == "") continue
				if (w[i] == "{") { depth = 1; glob = 1; node = prev; continue }
				if (w[i] == "}") { depth = 0; continue }
				if (depth && w[i + 1] == ":") { glob = (w[i] == "global"); i++; continue }
				if (depth && glob && w[i + 1] == ";" && w[i] ~ /^[A-Za-z_][A-Za-z0-9_]*$/ &&
				    w[i] != "_IO_stdin_used")
					print w[i], node
				prev = w[i]
			}
		}
	' "$script" | sort -u >"$TMP/$name.want"
	missing=$(comm -23 "$TMP/$name.want" "$TMP/$name.nv" | awk '{ printf " %s@%s", $1, $2 }')
	[ -z "$exact" ] || extra=$(comm -13 "$TMP/$name.want" "$TMP/$name.nv" |
		awk '$1 != $2 { printf " %s@%s", $1, $2 }')
	if [ ! -s "$TMP/$name.want" ]; then
		fail "$lib/$name/version-script" "no names read from $script"
	elif [ -n "$extra" ]; then
		fail "$lib/$name/version-script" "exported but not in $(basename "$script"):$(echo "$extra" | cut -c1-300)"
	elif [ -z "$missing" ]; then
		pass "$lib/$name/version-script ($(wc -l <"$TMP/$name.want") names of $(basename "$script") with their nodes${exact:+, nothing else})"
	else
		fail "$lib/$name/version-script" "missing or wrong version:$(echo "$missing" | cut -c1-300)"
	fi
}

# program LIB REL SYMBOL...: a static-pie executable (ELF type DYN, no
# PT_INTERP, no NEEDED) whose symbol table has main and SYMBOLs (the
# library was linked in).
program() {
	local lib=$1 rel=$2 f name s missing="" hdr
	shift 2
	f=$R/$rel
	name=$(basename "$rel")
	output "$lib" "$rel" || return 0
	common_checks "$lib" "$f"
	hdr=$(readelf -hlW "$f" 2>&1)
	if ! printf '%s\n' "$hdr" | grep -qE 'Type:[[:space:]]+DYN'; then
		fail "$lib/$name/static-pie" "$(printf '%s\n' "$hdr" | grep 'Type:' | oneline)"
	elif printf '%s\n' "$hdr" | grep -q 'INTERP'; then
		fail "$lib/$name/static-pie" "has PT_INTERP: $(printf '%s\n' "$hdr" | grep -A1 INTERP | oneline)"
	elif readelf -dW "$f" | grep -q '(NEEDED)'; then
		fail "$lib/$name/static-pie" "needs $(readelf -dW "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | oneline)"
	else
		pass "$lib/$name/static-pie"
	fi
	readelf -sW "$f" | awk '$4 == "FUNC" && $7 != "UND" { print $8 }' | sort -u >"$TMP/$name.syms"
	for s in main "$@"; do
		grep -qx "$s" "$TMP/$name.syms" || missing="$missing $s"
	done
	if [ -z "$missing" ]; then
		pass "$lib/$name/symbols"
	else
		fail "$lib/$name/symbols" "not defined:$missing"
	fi
}

# as_debian LIB REL HOSTPKG HOSTLIB [AWK]: the exports (AWK's selection of
# the "name version address" lines; default: name and version of all) equal those of Debian's own build
# of the same library, when the host has that package at the same version.
as_debian() {
	local lib=$1 rel=$2 pkg=$3 host=$4 sel=${5:-'{ print $1, $2 }'} name hostver srcver d
	name=$(basename "$rel")
	[ -f "$R/$rel" ] || return 0
	hostver=$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null)
	srcver=$(cut -d' ' -f2 "$R/$lib/source-version" 2>/dev/null)
	if [ ! -e "$host" ] || [ -z "$hostver" ]; then
		skip "$lib/$name/exports-as-debian" "$pkg not installed on the host: nothing to compare with"
		return 0
	elif [ "$hostver" != "$srcver" ]; then
		skip "$lib/$name/exports-as-debian" "host $pkg is $hostver, built $srcver"
		return 0
	fi
	exported "$host" | awk "$sel" | sort -u >"$TMP/$name.host"
	awk "$sel" "$TMP/$name.exp" | sort -u >"$TMP/$name.sel"
	d=$(diff "$TMP/$name.host" "$TMP/$name.sel" | grep '^[<>]' | oneline)
	if [ -z "$d" ]; then
		pass "$lib/$name/exports-as-debian ($(wc -l <"$TMP/$name.sel") as in $host)"
	else
		fail "$lib/$name/exports-as-debian" "< only Debian's, > only ours: $d"
	fi
}

# --- zlib ---------------------------------------------------------------
shared zlib lib/libz.lfi.so.1.2.13 libz.lfi.so.1 deflate \
	deflate@Base inflate@Base crc32@Base adler32@Base compress@Base \
	compressBound@ZLIB_1.2.0 inflateBack@ZLIB_1.2.0 gzopen64@ZLIB_1.2.3.3 \
	inflateGetHeader@ZLIB_1.2.2 crc32_combine_gen@ZLIB_1.2.12
version_script zlib lib/libz.lfi.so.1.2.13 "$B/src/zlib/zlib.map"
as_debian zlib lib/libz.lfi.so.1.2.13 zlib1g /lib/x86_64-linux-gnu/libz.so.1
program zlib bin/minigzip gzopen gzwrite deflate
program zlib bin/example deflate inflate compress

# --- Lua 5.4 --------------------------------------------------------------
shared lua lib/liblua5.4.lfi.so.0.0.0 liblua5.4.lfi.so.0 lua_newstate \
	lua_newstate@LUA_5.4 luaL_newstate@LUA_5.4 lua_pcallk@LUA_5.4 \
	luaL_loadbufferx@LUA_5.4 luaL_openlibs@LUA_5.4 luaopen_base@LUA_5.4
# Debian's script ends in "local: *": nothing else may be exported.
version_script lua lib/liblua5.4.lfi.so.0.0.0 "$B/src/lua5.4/debian/version-script" exact
program lua bin/lua lua_newstate luaL_newstate luaL_openlibs
program lua bin/luac luaL_newstate luaU_dump

# --- SQLite ---------------------------------------------------------------
SQ=lib/libsqlite3.lfi.so.0.8.6
shared sqlite3 $SQ libsqlite3.lfi.so.0 sqlite3_open \
	sqlite3_open sqlite3_open_v2 sqlite3_exec sqlite3_prepare_v2 sqlite3_step \
	sqlite3_finalize sqlite3_close sqlite3_errmsg sqlite3_libversion \
	sqlite3_table_column_metadata sqlite3session_create sqlite3_version
# The public API (sqlite3*_ names) against Debian's own libsqlite3.so.0
# (Debian's build is not an amalgamation: it also exports the internal
# sqlite3CamelCase functions, which are static in sqlite3.c).
as_debian sqlite3 $SQ libsqlite3-0 /usr/lib/x86_64-linux-gnu/libsqlite3.so.0 \
	'$1 ~ /^sqlite3[a-z]*_/ { print $1 }'
program sqlite3 bin/sqlite3 sqlite3_open sqlite3_exec sqlite3_prepare_v2
program sqlite3 bin/speedtest1 sqlite3_open sqlite3_exec
exit 0
