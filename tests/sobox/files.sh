#!/bin/bash
# The files a .box.so carries: -map of a DT_NEEDED library and of a data
# file, INPUT's SONAME kept, missing DT_NEEDED libraries (direct and
# transitive) and -map mistakes refused with one line, the .box.so
# working after it moved and its inputs were deleted, and the digests:
# matching code is not verified again, a changed digest or changed code
# is, changed code is refused, and a mapping other than a segment is
# verified. Usage: tests/sobox/files.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: files.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/files" && pwd)
LFICC=$B/bin/x86_64-lfi-linux-musl-gcc
SOBOX=$B/bin/sobox
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: sobox-files/$1"; }
failt() { echo "FAIL: sobox-files/$1: $2"; }

# refused NAME STATUS LINE-ERE SOBOX-ARGS...: exactly one line, the
# status, no output file
refused() {
	local name=$1 want=$2 re=$3
	shift 3
	rm -f out.box.so
	"$SOBOX" -o out.box.so "$@" > out 2> err
	local st=$?
	if [ "$st" -ne "$want" ]; then
		failt "$name" "exit $st: $(head -c 300 err)"
	elif [ "$(wc -l < err)" -ne 1 ] || ! grep -qE -- "$re" err; then
		failt "$name" "stderr: $(head -c 300 err)"
	elif [ -e out.box.so ] || ls out.box.so.tmp* > /dev/null 2>&1; then
		failt "$name" "an output file was left"
	else
		pass "$name"
	fi
}

# the numbers of SOBOX_VERBOSE's line WHEN ("box ready" or "at unload")
verified() { grep "$2" "$1" | sed -E 's/.*: ([0-9]+) bytes of code verified.*/\1/'; }
preverified() { grep "$2" "$1" | sed -E 's/.*verified, ([0-9]+) preverified.*/\1/'; }

# the byte offset of FILE's N bytes at OFFSET inside BOXSO (one match)
find_bytes() {
	local pat
	pat=$(od -An -tx1 -v -j "$2" -N "$3" "$1" | tr -d ' \n' | sed 's/../\\x&/g')
	LC_ALL=C grep -obUaP "$pat" "$4" | cut -d: -f1
}

build() {	# OUT SOURCE [FLAGS...]
	local out=$1 src=$2
	shift 2
	"$LFICC" -O2 -fPIC -shared -o "$out" "$SRC/$src" "$@" 2> cc.err ||
		{ failt "build-$out" "$(head -1 cc.err)"; exit 0; }
}
build libsecond.lfi.so second.c -Wl,-soname,libsecond.lfi.so.1
build libthird.lfi.so third.c
build libsecond3.lfi.so second3.c -Wl,-soname,libsecond.lfi.so.1 -L. -l:libthird.lfi.so
build libfirst.lfi.so first.c -Wl,-soname,libfirst.so.2 -L. -l:libsecond.lfi.so
gcc -O2 -o host "$SRC/host.c" -ldl 2> cc.err || { failt build-host "$(head -1 cc.err)"; exit 0; }
printf 'first\n' > first.conf
MAPS=(-map libsecond.lfi.so.1=libsecond.lfi.so -map /etc/first.conf=first.conf)
WANT=$'first_calls_second 1041\nfirst_conf 6'

# --- what sobox refuses ------------------------------------------------------
refused missing-dependency 1 \
	'^sobox: libfirst.lfi.so: needs libsecond.lfi.so.1, which is not in the box: add -map libsecond.lfi.so.1=PATH$' \
	libfirst.lfi.so
refused missing-dependency-transitive 1 \
	'^sobox: libsecond3.lfi.so: needs libthird.lfi.so, which is not in the box: add -map libthird.lfi.so=PATH$' \
	-map libsecond.lfi.so.1=libsecond3.lfi.so libfirst.lfi.so
refused map-missing-file 1 '^sobox: nosuch.lfi.so: No such file or directory$' \
	-map libsecond.lfi.so.1=nosuch.lfi.so libfirst.lfi.so
# a malformed -map is a usage error (options.c): its line, then the usage
rm -f out.box.so
"$SOBOX" -o out.box.so -map libsecond.lfi.so.1 libfirst.lfi.so > out 2> err
if [ $? -eq 2 ] && [ "$(head -1 err)" = "sobox: -map wants NAME=PATH: libsecond.lfi.so.1" ] &&
   grep -q '^usage: sobox' err && [ ! -e out.box.so ]; then
	pass map-malformed
else
	failt map-malformed "$(head -c 300 err)"
fi
refused map-input-path 1 '^sobox: libsecond.lfi.so: box path /lib/libfirst.so.2 given twice \(it is INPUT.s\)$' \
	"${MAPS[@]}" -map libfirst.so.2=libsecond.lfi.so libfirst.lfi.so
refused map-file-over-directory 1 '^sobox: .*: box path /lib/.* lies below the file /lib$' \
	"${MAPS[@]}" -map /lib=first.conf libfirst.lfi.so
refused map-dotdot 1 '^sobox: first.conf: -map \.\./x: no box path can have this name$' \
	"${MAPS[@]}" -map ../x=first.conf libfirst.lfi.so
# a -map'ed library whose code the verifier refuses: refused at once
cp libsecond.lfi.so libbad.lfi.so
off=$(nm libbad.lfi.so | awk '$3 == "second_twice" { print $1 }')
printf '\x0f\x05' | dd of=libbad.lfi.so bs=1 seek=$((0x$off)) conv=notrunc status=none
refused map-does-not-verify 1 '^sobox: libbad.lfi.so: 0x[0-9a-f]+: `syscall`: V2 ' \
	-map libsecond.lfi.so.1=libbad.lfi.so -map /etc/first.conf=first.conf libfirst.lfi.so

# --- the box and its files -----------------------------------------------------
if "$SOBOX" "${MAPS[@]}" -o libfirst.box.so libfirst.lfi.so 2> err &&
   [ -z "$(grep -v '^sobox: warning: no signature for ' err)" ]; then
	pass make-box-with-map
else
	failt make-box-with-map "$(head -c 300 err)"
	exit 0
fi
out=$(./host ./libfirst.box.so 2>&1)
[ "$out" = "$WANT" ] && pass map-needed-and-data || failt map-needed-and-data "$out"
[ "$(ldd libfirst.box.so | grep -c -v -E 'libZydis|libc\.so\.6|ld-linux|vdso')" -eq 0 ] &&
	pass needs-no-nettle || failt needs-no-nettle "$(ldd libfirst.box.so)"

# moved elsewhere, every input deleted: it still works, no host path kept
mkdir -p elsewhere
cp libfirst.box.so elsewhere/
mkdir -p keep && cp libfirst.lfi.so libsecond.lfi.so first.conf keep/
rm -f libfirst.lfi.so libsecond.lfi.so first.conf
out=$(./host "$TMP/elsewhere/libfirst.box.so" 2>&1)
[ "$out" = "$WANT" ] && pass moved-and-inputs-deleted || failt moved-and-inputs-deleted "$out"
# (the debug information names the directory sobox ran in, nothing more)
objcopy --strip-debug elsewhere/libfirst.box.so stripped.so
grep -qa "$TMP" stripped.so && failt no-host-path "$TMP is in the .box.so" ||
	pass no-host-path
mv keep/* . && rmdir keep

# another libc by -map (here a copy of the default one)
cp "$B/sysroot/lib/libc.so" mylibc.so
if "$SOBOX" "${MAPS[@]}" -map ld-musl-x86_64.so.1=mylibc.so -map libc.so=mylibc.so \
	-o libc-mapped.box.so libfirst.lfi.so 2> err; then
	out=$(./host ./libc-mapped.box.so 2>&1)
	[ "$out" = "$WANT" ] && pass map-libc || failt map-libc "$out"
else
	failt map-libc "$(head -c 300 err)"
fi

# --- digests ------------------------------------------------------------------
# right digests: only the runtime's own return stub (a page) is verified
SOBOX_VERBOSE=1 ./host ./libfirst.box.so 0 > out 2> verbose
v=$(verified verbose "box ready"); p=$(preverified verbose "box ready")
[ "$v" = 4096 ] && [ "$p" -gt 0 ] && pass digest-skips || failt digest-skips "$(cat verbose)"
# ld-musl's own mapping of libsecond's segment, again by the library: skipped
[ "$(verified verbose "at unload")" = "$v" ] && [ "$(preverified verbose "at unload")" -gt "$p" ] &&
	grep -q '^first_map_second 0$' out && pass segment-mapping-skips ||
	failt segment-mapping-skips "$(cat out verbose)"
# a page longer: not a segment, so verified (and accepted: the code is good)
SOBOX_VERBOSE=1 ./host ./libfirst.box.so 4096 > out 2> verbose
[ "$(verified verbose "at unload")" -gt "$(verified verbose "box ready")" ] &&
	grep -q '^first_map_second 0$' out && pass other-mapping-verified ||
	failt other-mapping-verified "$(cat out verbose)"
# SOBOX_VERIFY_ALL=1: every byte verified
SOBOX_VERBOSE=1 SOBOX_VERIFY_ALL=1 ./host ./libfirst.box.so > out 2> verbose
[ "$(preverified verbose "box ready")" = 0 ] && [ "$(verified verbose "box ready")" -gt "$v" ] &&
	[ "$(head -2 out)" = "$WANT" ] && pass verify-all || failt verify-all "$(cat out verbose)"

# INPUT's stored digest changed in the .box.so: its code verified, still works
cp libfirst.box.so digest.box.so
hex=$(sha256sum libfirst.lfi.so | cut -c1-64 | sed 's/../\\x&/g')
at=$(LC_ALL=C grep -obUaP "$hex" digest.box.so | cut -d: -f1)
if [ -n "$at" ] && [ "$(echo "$at" | wc -l)" -eq 1 ]; then
	printf '\xff' | dd of=digest.box.so bs=1 seek="$at" conv=notrunc status=none
	SOBOX_VERBOSE=1 ./host ./digest.box.so > out 2> verbose
	[ "$(verified verbose "box ready")" -gt "$v" ] && [ "$(head -2 out)" = "$WANT" ] &&
		pass changed-digest-verified || failt changed-digest-verified "$(cat out verbose)"
else
	failt changed-digest-verified "INPUT's digest found at '$at'"
fi

# INPUT's code changed in the .box.so (a syscall at first_map_second), its
# digest not: verified, refused with the verifier's line, calls fail
cp libfirst.box.so changed.box.so
fn=$(nm libfirst.lfi.so | awk '$3 == "first_map_second" { print $1 }')
at=$(find_bytes libfirst.lfi.so $((0x$fn)) 64 changed.box.so)
if [ -n "$at" ] && [ "$(echo "$at" | wc -l)" -eq 1 ]; then
	printf '\x0f\x05' | dd of=changed.box.so bs=1 seek="$at" conv=notrunc status=none
	./host ./changed.box.so > out 2> err
	grep -qE '^libfirst.box.so: /lib/libfirst.so.2: 0x[0-9a-f]+: `syscall`: V2 ' err &&
		grep -q '^first_calls_second -1$' out && pass changed-code-refused ||
		failt changed-code-refused "$(cat out err | head -c 400)"
else
	failt changed-code-refused "INPUT's code found at '$at'"
fi
exit 0
