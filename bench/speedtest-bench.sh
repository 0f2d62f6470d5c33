#!/bin/bash
# speedtest-bench.sh BUILD_DIR - a whole library workload in a box against
# the same code run natively: SQLite's speedtest1 (the amalgamation that
# tests/realcode generated), compiled once with the LFI driver and run by
# lfi-run, once with Debian's musl-gcc (the same libc, musl 1.2.3) and run
# natively; same flags, same database size, interleaved, median of 5 runs
# each; once in memory (--memdb: the sandboxed code's own cost) and once
# on a database file (adding the system calls through the runtime).
# Prints the times and the ratios; no thresholds.
set -eu
B=$(cd "${1:?usage: speedtest-bench.sh BUILD_DIR}" && pwd)
SIZE=${SPEEDTEST_SIZE:-40}
RUNS=5
SRC=$B/realcode/sqlite3/sqlite3.c
TEST=$B/src/sqlite3/test/speedtest1.c
OUT=$B/bench/speedtest
mkdir -p "$OUT"
here=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$SRC" ] && [ -f "$TEST" ] || "$here/tests/realcode/build-sqlite3.sh" "$B" >/dev/null
for f in "$SRC" "$TEST"; do
	[ -f "$f" ] || { echo "speedtest-bench: $f missing (tests/realcode/build-sqlite3.sh failed)" >&2; exit 1; }
done
command -v musl-gcc >/dev/null || { echo "speedtest-bench: musl-gcc missing (apt-get install musl-tools)" >&2; exit 1; }
FLAGS="-O2 -DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION -I$(dirname "$SRC")"
if [ ! "$OUT/st-lfi" -nt "$SRC" ] || [ ! "$OUT/st-lfi" -nt "$B/bin/x86_64-lfi-linux-musl-gcc" ]; then
	echo "speedtest-bench: compiling speedtest1 twice (about a minute each)..."
	"$B/bin/x86_64-lfi-linux-musl-gcc" $FLAGS -static-pie -o "$OUT/st-lfi" "$TEST" "$SRC" -lm &
	musl-gcc $FLAGS -static -o "$OUT/st-native" "$TEST" "$SRC" -lm &
	wait
fi
seconds() { # COMMAND...: wall seconds of one run, its output kept
	local t0 t1
	rm -f "$OUT"/run/t.db*
	t0=$(date +%s.%N)
	"$@" > "$OUT/last.out" 2>&1 || { cat "$OUT/last.out" >&2; exit 1; }
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
mkdir -p "$OUT/run"
# One comparison: MODE is "disk" (a database file: system calls through
# the runtime) or "memdb" (in memory: the sandboxed code alone).
compare() {
	local mode=$1 extra=() n b
	[ "$mode" = memdb ] && extra=(--memdb)
	: > "$OUT/native.times"
	: > "$OUT/box.times"
	for i in $(seq $RUNS); do
		(cd "$OUT/run" && seconds "$OUT/st-native" --size "$SIZE" "${extra[@]}" t.db) >> "$OUT/native.times"
		seconds "$B/bin/lfi-run" --dir "/w=$OUT/run" --wd /w "$OUT/st-lfi" \
			--size "$SIZE" "${extra[@]}" t.db >> "$OUT/box.times"
	done
	n=$(median < "$OUT/native.times")
	b=$(median < "$OUT/box.times")
	printf 'speedtest1 --size %s %-6s native %.3f s, in a box %.3f s, ratio %.3f (median of %d)\n' \
		"$SIZE" "$mode" "$n" "$b" "$(awk -v b="$b" -v n="$n" 'BEGIN { print b / n }')" "$RUNS"
}
compare memdb
compare disk
