#!/bin/sh
# run.sh FUZZER WORKDIR SECONDS - run the verifier fuzzer for SECONDS.
#
# Seeds are generated into WORKDIR/seeds (make-seeds.sh); new inputs go to
# WORKDIR/corpus (kept between runs), findings to WORKDIR/artifacts/ and the
# libFuzzer log to WORKDIR/fuzz.log. Prints one line:
#   PASS: fuzz/verify (N s, M runs)
#   FAIL: fuzz/verify: <what> (crash file: PATH)
# and exits 0 either way: the caller counts PASS/FAIL lines.
set -u

if [ $# -ne 3 ]; then
	echo "usage: $0 FUZZER WORKDIR SECONDS" >&2
	exit 2
fi
fuzzer=$1
work=$2
seconds=$3
here=$(cd "$(dirname "$0")" && pwd)

case $seconds in
''|*[!0-9]*) echo "FAIL: fuzz/verify: SECONDS must be a number, got '$seconds'"; exit 0 ;;
esac
if [ ! -x "$fuzzer" ]; then
	echo "FAIL: fuzz/verify: no fuzzer binary at $fuzzer"
	exit 0
fi

mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"
log=$work/fuzz.log
if ! "$here/make-seeds.sh" "$work/seeds" >"$work/seeds.log" 2>&1; then
	echo "run.sh: warning: seed generation failed (see $work/seeds.log);" \
	     "fuzzing from the corpus only" >&2
fi

start=$(date +%s)
"$fuzzer" \
	-max_total_time="$seconds" \
	-timeout=10 \
	-rss_limit_mb=2048 \
	-max_len=4096 \
	-detect_leaks=1 \
	-print_final_stats=1 \
	-dict="$here/dict" \
	-artifact_prefix="$work/artifacts/" \
	"$work/corpus" "$work/seeds" >"$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - start ))

runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
[ -n "$runs" ] || runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
[ -n "$runs" ] || runs="?"

if [ "$status" -eq 0 ]; then
	echo "PASS: fuzz/verify ($elapsed s, $runs runs)"
	exit 0
fi

# What was found: our property message, else the sanitizer's or libFuzzer's.
what=$(grep -m 1 'PROPERTY VIOLATION' "$log" | sed 's/^fuzz-verify: //')
[ -n "$what" ] || what=$(grep -m 1 -E '^SUMMARY: ' "$log" | sed 's/^SUMMARY: //')
[ -n "$what" ] || what=$(grep -m 1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error:' "$log")
[ -n "$what" ] || what="fuzzer exited with status $status"
crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
[ -n "$crash" ] || crash="(none written)"
echo "FAIL: fuzz/verify: $what (crash file: $crash; log: $log)"
exit 0
