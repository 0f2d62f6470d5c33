#!/bin/bash
# run-corpus.sh BINDIR - run the LFI-x64 verifier corpus against BINDIR/lfi-verify.
#
# accept/*.s must be accepted (exit 0). reject/*.s must be rejected (exit 1)
# with a stdout line containing ": " followed by the file's "# expect:" string
# (e.g. ": V3 memory-operand", or just ": V2").
# Prints exactly one line per test:
#   PASS: verifier/accept/NAME
#   FAIL: verifier/reject/NAME: what went wrong
# and always exits 0 (the caller counts the lines).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ $# -lt 1 ] || [ -z "$1" ]; then
	echo "usage: $0 BINDIR" >&2
	echo "FAIL: verifier/run-corpus: no BINDIR given"
	exit 0
fi
bindir=$1
case $bindir in
/*) ;;
*) bindir=$PWD/$bindir ;;
esac
verify=$bindir/lfi-verify

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lfi-corpus.XXXXXX") || {
	echo "FAIL: verifier/run-corpus: cannot create a temporary directory"
	exit 0
}
trap 'cd / && rm -rf "$tmp"' EXIT
trap 'exit 0' INT TERM
# work inside $tmp so that the tool's messages name the object as NAME.o
cd "$tmp" || exit 0

# first line of a file, or a placeholder when empty
first_line() {
	local l=""
	IFS= read -r l < "$1" || true
	[ -n "$l" ] && printf '%s' "$l" || printf '(no output)'
}

# tool's first output line: stdout, else stderr
tool_line() {
	if [ -s "$tmp/out" ]; then first_line "$tmp/out"; else first_line "$tmp/err"; fi
}

run_one() { # KIND FILE
	local kind=$1 f=$2 base name rc expect
	base=$(basename "$f" .s)
	name=verifier/$kind/$base

	if ! as --64 -o "$base.o" "$f" > "$tmp/as.err" 2>&1; then
		echo "FAIL: $name: as failed: $(first_line "$tmp/as.err")"
		return
	fi
	if [ ! -x "$verify" ]; then
		echo "FAIL: $name: $verify not found or not executable"
		return
	fi
	$timeout "$verify" "$base.o" > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	rm -f "$base.o"

	if [ "$kind" = accept ]; then
		if [ $rc -eq 0 ]; then
			echo "PASS: $name"
		else
			echo "FAIL: $name: expected acceptance (exit 0), got exit $rc: $(tool_line)"
		fi
		return
	fi

	expect=$(sed -n 's/^#[[:space:]]*expect:[[:space:]]*//p' "$f" | head -n 1 | tr -d '\r' | sed 's/[[:space:]]*$//')
	if [ -z "$expect" ]; then
		echo "FAIL: $name: no '# expect:' header"
		return
	fi
	if [ $rc -ne 1 ]; then
		echo "FAIL: $name: expected rejection '$expect' (exit 1), got exit $rc: $(tool_line)"
	elif ! grep -qF -- ": $expect" "$tmp/out"; then
		echo "FAIL: $name: exit 1, but no line with ': $expect': $(tool_line)"
	else
		echo "PASS: $name"
	fi
}

timeout=
command -v timeout > /dev/null 2>&1 && timeout="timeout 20"

shopt -s nullglob
for f in "$here"/accept/*.s; do run_one accept "$f"; done
for f in "$here"/reject/*.s; do run_one reject "$f"; done
exit 0
