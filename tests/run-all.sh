#!/bin/bash
# Run every test suite; each prints PASS:/FAIL:/SKIP: lines. Prints the
# totals as "N passed, N failed, N skipped" and fails on any failure.
set -u
BUILD=${1:-build}
BIN=$BUILD/bin
LOG=$BUILD/tests/results.txt
mkdir -p "$BUILD/tests"
: > "$LOG"

run() {
	echo "== $*" >&2
	"$@" 2>&1 | tee -a "$LOG" | grep -E '^(FAIL|SKIP):' >&2
	true
}

run "$BUILD/tests/verifier-unit"
run "$BUILD/tests/verifier-internal"
run "$BUILD/tests/runtime-core"
run "$BUILD/tests/runtime-call" "$BUILD/tests/runtime-callee.bin"
run "$BUILD/tests/runtime-isolation" "$BUILD/tests/runtime-isolation.bin"
run "$BUILD/tests/runtime-signals"
run tests/verifier/run-corpus.sh "$BIN"
run tests/verifier/tool-tests.sh "$BIN"
run tests/rewriter/run.sh "$BIN"
run tests/driver/run.sh "$BIN"
run tests/driver/link.sh "$BUILD"
run tests/sysroot/run.sh "$BUILD"
run tests/builtins/run.sh "$BUILD"
run tests/realcode/run.sh "$BUILD"
run tests/runtime/lfi-run.sh "$BUILD"
run tests/runtime/fs.sh "$BUILD"
run tests/runtime/memfile.sh "$BUILD"
run tests/runtime/threads.sh "$BUILD"
run tests/sobox/run.sh "$BUILD"
run tests/sobox/sig.sh "$BUILD"
run tests/sobox/cli.sh "$BUILD"
run tests/sobox/files.sh "$BUILD"
run tests/sobox/abi/run.sh "$BUILD"
run tests/sobox/realcode.sh "$BUILD"
run tests/sobox/calls.sh "$BUILD"
run tests/sobox/hostile.sh "$BUILD"
run tests/fuzz/run.sh "$BUILD/fuzz/fuzz-verify" "$BUILD/fuzz" "${CHECK_FUZZ_SECONDS:-60}"

passed=$(grep -c '^PASS:' "$LOG")
failed=$(grep -c '^FAIL:' "$LOG")
skipped=$(grep -c '^SKIP:' "$LOG")
if [ "$passed" -eq 0 ]; then
	echo "FAIL: no test ran" >&2
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
