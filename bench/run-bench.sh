#!/bin/sh
# run-bench.sh BUILD_DIR - verifier throughput against bare Zydis decoding.
#
# Assembles bench/sample.s, extracts its .text with objcopy, and runs
# BUILD_DIR/bin/verify-bench on it (>= 16 MiB of replicated copies).
# Prints the numbers; no timing assertions. Exits non-zero only when the
# benchmark cannot run: a tool is missing, or the verifier rejects the
# sample (a correctness problem, not a timing one).
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 2
fi
build=$1
here=$(cd "$(dirname "$0")" && pwd)
bench=$build/bin/verify-bench
out=$build/bench
mkdir -p "$out"

if [ ! -x "$bench" ]; then
	echo "run-bench: no $bench (run make $bench)" >&2
	exit 1
fi
${AS:-as} --64 -o "$out/sample.o" "$here/sample.s"
${OBJCOPY:-objcopy} -O binary -j .text "$out/sample.o" "$out/sample.bin"

echo "== verifier benchmark (bench/sample.s, $(wc -c <"$out/sample.bin") bytes of .text) =="
"$bench" "$out/sample.bin"
