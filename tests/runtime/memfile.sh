#!/bin/bash
# Memory files (runtime/linux/memfile.c) and the digest rule: a program,
# ld-musl, a DT_NEEDED library and data served from memory, the file
# system calls on them, and which code skips the verifier — exactly an
# executable segment of a file whose SHA-256 matched, nothing else.
# `libbad.so` has a `syscall` patched into its code: mapped when its
# digest matched (so the verifier did not run), refused otherwise.
# Usage: tests/runtime/memfile.sh BUILD_DIR. One PASS:/FAIL: line per
# test; exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: memfile.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")" && pwd)
CC=$B/bin/x86_64-lfi-linux-musl-gcc
H=$B/tests/runtime-memfile
LIBC=$B/sysroot/lib/libc.so
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: runtime/memfile/$1"; }
failt() { echo "FAIL: runtime/memfile/$1: $2"; }

# the checks the program printed as "NAME: ok" / "NAME: why"
report() {
	local prefix=$1 file=$2 line
	while IFS= read -r line; do
		case $line in
		*": ok") pass "$prefix/${line%: ok}" ;;
		*) failt "$prefix/${line%%: *}" "${line#*: }" ;;
		esac
	done < <(grep -v -e '^code: ' -e '^hello from the library' "$file")
}

# the numbers of the harness's last line "code: verified V preverified P"
verified() { awk '/^code:/ { print $3 }' "$1"; }
preverified() { awk '/^code:/ { print $5 }' "$1"; }

if [ ! -x "$H" ]; then
	failt harness "$H not built"
	exit 0
fi
"$CC" -O2 -fPIC -shared -o libgreet.so "$SRC/fs/greet.c" 2> cc.err &&
	"$CC" -O2 -o memfiles "$SRC/memfile/files.c" -L. -lgreet 2>> cc.err &&
	"$CC" -O2 -fPIC -shared -o libbad.so "$SRC/fs/greet.c" 2>> cc.err ||
	{ failt build "$(head -1 cc.err)"; exit 0; }
# a syscall at the start of libbad's code segment (its first bundle)
off=$(readelf -lW libbad.so | awk '$1 == "LOAD" && $0 ~ /R E/ { print $2; exit }')
printf '\x0f\x05' | dd of=libbad.so bs=1 seek=$((off)) conv=notrunc status=none
"$B/bin/lfi-verify" libbad.so > /dev/null 2>&1 && failt patch "libbad.so still verifies"

mkdir -p host
printf 'hello, memory file\n' > hello.txt
echo "the host's own" > host/shadow.txt
echo plain > host/plain.txt
ln -s /data/hello.txt host/link
cp libbad.so host/libbad.so

# run NAME MODE-OF-PROGRAM-AND-LIBC MODE-OF-LIBBAD [harness options...]
run() {
	local name=$1 main=$2 badmode=$3
	shift 3
	"$H" "$@" -f /lib/ld-musl-x86_64.so.1="$LIBC:$main" -f /lib/libc.so="$LIBC:$main" -f /bin/memfiles="$TMP/memfiles:$main" \
		-f /lib/libgreet.so="$TMP/libgreet.so:$main" -f /data/hello.txt="$TMP/hello.txt:none" \
		-f /tmp/shadow.txt="$TMP/hello.txt:none" -f /lib/libbad.so="$TMP/libbad.so:$badmode" \
		-d /tmp="$TMP/host" /bin/memfiles "$badmode" > "$name.out" 2> "$name.err"
}

# everything with its right digest: nothing verified at all
run good good good
st=$?
report good good.out
# stderr: only the refused mappings of libbad's code, one line each
[ "$st" -eq 0 ] && [ -z "$(grep -vE '^/bin/memfiles: /(lib|tmp)/libbad.so: 0x[0-9a-f]+: `syscall`' good.err)" ] &&
	pass good/status-and-messages || failt good/status-and-messages "exit $st: $(head -c 300 good.err)"
[ "$(verified good.out)" = 0 ] && [ "$(preverified good.out)" -gt 0 ] &&
	pass good/nothing-verified || failt good/nothing-verified "$(grep code: good.out)"

# libbad's digest wrong: its code is verified, and refused with one line
run badlib good bad
report badlib badlib.out
grep -qE '^/bin/memfiles: /lib/libbad.so: 0x[0-9a-f]+: `syscall`: V2' badlib.err &&
	pass badlib/verifier-message || failt badlib/verifier-message "$(head -c 300 badlib.err)"

# the program's, ld-musl's and libgreet's digests wrong (or absent):
# loaded and run all the same, every byte of their code verified
for mode in bad none; do
	run "main-$mode" "$mode" good
	st=$?
	[ "$st" -eq 0 ] && [ "$(verified "main-$mode.out")" -gt 0 ] &&
		pass "digest-$mode-verified" ||
		failt "digest-$mode-verified" "exit $st: $(grep code: "main-$mode.out") $(head -c 200 "main-$mode.err")"
done

# the loader (lfi_proc_exec, -n: load only): libbad.so as the image
"$H" -n -f /x.so="$TMP/libbad.so:good" /x.so > load-good.out 2> load-good.err
[ $? -eq 0 ] && [ "$(verified load-good.out)" = 0 ] && [ "$(preverified load-good.out)" -gt 0 ] &&
	pass loader-skips-with-digest || failt loader-skips-with-digest "$(cat load-good.out load-good.err)"
for mode in bad none; do
	"$H" -n -f /x.so="$TMP/libbad.so:$mode" /x.so > "load-$mode.out" 2> "load-$mode.err"
	[ $? -eq 2 ] && grep -qE '^runtime-memfile: start: /x.so: 0x[0-9a-f]+: `syscall`: V2' "load-$mode.err" &&
		pass "loader-verifies-digest-$mode" ||
		failt "loader-verifies-digest-$mode" "$(head -c 300 "load-$mode.err")"
done

# bad paths for lfi_fs_add_memory_file
"$H" -f relative="$TMP/hello.txt:none" /x > out 2> err
[ $? -eq 2 ] && grep -q 'Invalid argument' err && pass relative-path-refused ||
	failt relative-path-refused "$(cat err)"
"$H" -f /a/../b="$TMP/hello.txt:none" /x > out 2> err
[ $? -eq 2 ] && grep -q 'Invalid argument' err && pass dotdot-path-refused ||
	failt dotdot-path-refused "$(cat err)"
"$H" -f /a="$TMP/hello.txt:none" -f /a="$TMP/hello.txt:none" /x > out 2> err
[ $? -eq 2 ] && grep -q 'File exists' err && pass same-path-twice-refused ||
	failt same-path-twice-refused "$(cat err)"
exit 0
