#!/bin/bash
# lfi-run's files and policy: file system calls in a mapped directory,
# escapes that must fail, read-only mappings, the options, shared
# libraries loaded by ld-musl from a mapped directory (verified, or
# refused with the verifier's message), and zlib's example writing in a
# writable mapping. Usage: tests/runtime/fs.sh BUILD_DIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
set -u
B=$(cd "${1:?usage: fs.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/fs" && pwd)
CC=$B/bin/x86_64-lfi-linux-musl-gcc
RUN=${LFI_RUN:-$B/bin/lfi-run}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0
umask 022

pass() { echo "PASS: lfi-run-fs/$1"; }
failt() { echo "FAIL: lfi-run-fs/$1: $2"; }

# the checks a program printed as "NAME: ok" / "NAME: why", each a test
report() {
	local prefix=$1 file=$2 line
	while IFS= read -r line; do
		case $line in
		*": ok") pass "$prefix/${line%: ok}" ;;
		*) failt "$prefix/${line%%: *}" "${line#*: }" ;;
		esac
	done < "$file"
}

# expect NAME STATUS STDERR-ERE -- COMMAND...
expect() {
	local name=$1 want=$2 err_re=$3
	shift 4
	"$@" > out 2> err
	local got=$?
	if [ "$got" -ne "$want" ]; then
		failt "$name" "exit $got, expected $want: $(head -c 300 err)"
	elif [ -z "$err_re" ] && [ -s err ]; then
		failt "$name" "stderr not empty: $(head -c 300 err)"
	elif [ -n "$err_re" ] && ! grep -qE -- "$err_re" err; then
		failt "$name" "stderr lacks /$err_re/: $(head -c 300 err)"
	else
		pass "$name"
	fi
}

build() {	# OUT SOURCE [FLAGS...]
	local out=$1 src=$2
	shift 2
	"$CC" -O2 "$@" -o "$out" "$SRC/$src" 2> cc.err || failt "build-$out" "$(head -1 cc.err)"
}
build files files.c -static-pie
build escape escape.c -static-pie
build env env.c
mkdir -p libs badlibs corrupt
build libs/libgreet.so greet.c -fPIC -shared
build usegreet usegreet.c -Llibs -lgreet

# --- file system calls in a writable mapping -------------------------------
mkdir -p host/data host/ro
echo "secret" > host/secret
echo "data for the links" > host/data/data.txt
ln -s data.txt host/data/inlink
ln -s /data/data.txt host/data/abslink
"$RUN" --dir /data="$TMP/host/data" --wd /data ./files > files.out 2> files.err
[ $? -eq 0 ] || failt files "exit status $?: $(head -c 300 files.err)"
report files files.out
[ "$(grep -c ': ok$' files.out)" -ge 40 ] || failt files-count "$(wc -l < files.out) lines"
[ -f host/data/renamed.txt ] && [ "$(stat -c %a host/data/mode666)" = 666 ] &&
	[ "$(stat -c %a host/data/d750)" = 750 ] && pass files-on-host ||
	failt files-on-host "renamed.txt, mode666 (0666) or d750 (0750) missing on the host"

# --- escapes ------------------------------------------------------------------
echo "read-only" > host/ro/file
echo mine > host/data/mine
ln -s "$TMP/host/secret" host/data/out-abs
ln -s ../secret host/data/out-rel
ln -s /etc host/data/out-dir
ln -s "$TMP/created-outside" host/data/out-new
ln -s loop host/data/loop
ln -s /ro/file host/data/to-ro
"$RUN" --dir /data="$TMP/host/data" --dir /ro="$TMP/host/ro:ro" --wd /data ./escape \
	> escape.out 2> escape.err
st=$?
report escape escape.out
[ "$st" -eq 0 ] && [ -s escape.out ] || failt escape "exit status $st: $(head -c 300 escape.err)"
[ ! -e created-outside ] && [ "$(cat host/secret)" = secret ] &&
	[ "$(cat host/ro/file)" = read-only ] && [ -f host/data/mine ] && pass host-untouched ||
	failt host-untouched "a file outside the mappings or in the read-only one changed"

# --- options ----------------------------------------------------------------
expect env-only-given 0 '' -- env -i HOME=/root "$RUN" --env A=1 --env B=two=2 ./env
[ "$(cat out)" = "$(printf 'A=1\nB=two=2')" ] && pass env-exact ||
	failt env-exact "environment: $(tr '\n' ' ' < out)"
HOSTVAR=leak expect env-not-inherited 0 '' -- "$RUN" ./env
[ ! -s out ] && pass env-empty || failt env-empty "host environment leaked: $(head -c 100 out)"
expect dir-proc 2 '^lfi-run: --dir /p=/proc: procfs cannot be mapped$' -- "$RUN" --dir /p=/proc ./env
expect dir-missing 2 '^lfi-run: --dir /x=.*/nothere: No such file' -- "$RUN" --dir /x="$TMP/nothere" ./env
expect dir-relative 2 '^lfi-run: --dir x=.*: the box path must be absolute' -- "$RUN" --dir x="$TMP" ./env
expect dir-dotdot 2 'the box path must be absolute, without \.\.' -- "$RUN" --dir /a/../b="$TMP" ./env
expect dir-no-equals 2 '^lfi-run: /x: --dir wants BOX=HOST' -- "$RUN" --dir /x ./env
expect dir-twice 2 'box path mapped twice' -- "$RUN" --dir /x="$TMP" --dir /x/="$TMP" ./env
expect env-bad 2 '^lfi-run: NOEQUALS: --env wants K=V' -- "$RUN" --env NOEQUALS ./env
expect wd-missing 2 '^lfi-run: --wd /nothere: No such file' -- "$RUN" --wd /nothere ./env
expect wd-file 2 '^lfi-run: --wd /d/data.txt: Not a directory' -- "$RUN" --dir /d="$TMP/host/data" --wd /d/data.txt ./env
expect option-missing-arg 2 '^usage: lfi-run' -- "$RUN" --dir
expect option-unknown 2 '^usage: lfi-run' -- "$RUN" --bogus ./env
[ "$(wc -l < err)" -eq 1 ] && pass bad-input-one-line || failt bad-input-one-line "$(cat err)"
expect trace 0 '^\[\./env\] syscall 218 ' -- "$RUN" -V ./env

# --- shared libraries through ld-musl -----------------------------------------
expect dt-needed 0 '' -- "$RUN" --dir /libs="$TMP/libs:ro" --env LD_LIBRARY_PATH=/libs ./usegreet box
grep -qx 'hello from the library, box 41' out && pass dt-needed-output ||
	failt dt-needed-output "$(head -c 200 out)"
expect dt-needed-unmapped 127 'Error loading shared library libgreet.so' -- \
	"$RUN" --env LD_LIBRARY_PATH=/libs ./usegreet
gcc -O2 -fPIC -shared -o badlibs/libgreet.so "$SRC/greet.c"
expect host-library-refused 127 '^\./usegreet: /libs/libgreet\.so: 0x[0-9a-f]+: .*V[0-9]' -- \
	"$RUN" --dir /libs="$TMP/badlibs:ro" --env LD_LIBRARY_PATH=/libs ./usegreet box
grep -q 'Error loading shared library libgreet.so: Operation not permitted' err &&
	pass host-library-ld-musl-error || failt host-library-ld-musl-error "$(head -c 300 err)"
# the LFI library with `syscall` written over the start of greet()
cp libs/libgreet.so corrupt/libgreet.so
sym=$(nm -D corrupt/libgreet.so | awk '$3 == "greet" { print $1 }')
off=
while read -r type o v p fsz msz flags; do	# the code segment holding greet
	[ "$type" = LOAD ] && [ "$flags" = "R E" ] && [ -n "$sym" ] &&
		(( 16#$sym >= v && 16#$sym < v + fsz )) && off=$(( 16#$sym - v + o ))
done < <(readelf -lW corrupt/libgreet.so | awk '$1 == "LOAD" { print $1, $2, $3, $4, $5, $6, $7, $8 }')
if [ -n "$off" ]; then
	printf '\x0f\x05' | dd of=corrupt/libgreet.so bs=1 seek="$off" conv=notrunc 2>/dev/null
	expect corrupt-library-refused 127 "^\./usegreet: /libs/libgreet\.so: 0x[0-9a-f]+: \`syscall\`: V2" -- \
		"$RUN" --dir /libs="$TMP/corrupt:ro" --env LD_LIBRARY_PATH=/libs ./usegreet box
else
	failt corrupt-library-refused "greet not found in libgreet.so's code segment"
fi

# --- zlib's example writes foo.gz in its working directory --------------------
EX=$B/realcode/bin/example
if [ -x "$EX" ]; then
	mkdir -p work
	expect zlib-example 0 '' -- "$RUN" --dir /work="$TMP/work" --wd /work "$EX"
	grep -q 'gzread(): hello, hello!' out && [ -s work/foo.gz ] &&
		[ "$(gzip -dc work/foo.gz 2>/dev/null | head -c 6)" = "hello," ] &&
		pass zlib-example-foo.gz || failt zlib-example-foo.gz "$(head -c 300 out)"
	expect zlib-example-readonly 1 'gzopen error' -- "$RUN" --dir /work="$TMP/work:ro" --wd /work "$EX"
else
	failt zlib-example "$EX missing (tests/realcode/run.sh builds it)"
fi
exit 0
