#!/bin/bash
# Tests of lfi-rewrite. Usage: tests/rewriter/run.sh BINDIR
# Prints one PASS:/FAIL: line per test and exits 0 (the caller counts).
#  - c/*.c: gcc -S at -O0/-O2/-O3/-Os, with and without -fPIC, rewritten,
#    assembled, verified by lfi-verify; plus the properties the verifier
#    cannot see: function symbols bundle-aligned, direct and indirect calls
#    ending at a bundle boundary.
#    A `/* cflags: ... */` line in a .c adds gcc flags. Landing pads (the
#    third field of each .gcc_except_table call-site entry) must be
#    bundle-aligned: checked on an object assembled with -L (keeps .L
#    symbols).
#  - asm/*.s: hand-written inputs for the rules gcc rarely exercises.
#    `# expect-aligned: L ...` / `# expect-unaligned: L ...` name labels
#    whose definition must (not) follow `.p2align 5` in the rewrite; L#K
#    is the K-th definition of L (numeric labels are redefined).
#    `# expect: A | B | C` names output lines that must follow each other
#    in the rewrite (whitespace-insensitive; comment lines skipped).
#  - bad/*.s: inputs that must be refused: exit 1, one line
#    FILE:LINE: reason: instruction (line from the `# expect-line: N`
#    comment), and no output file. `# expect-message: TEXT` names text
#    the line must contain (whitespace-insensitive).
#  - exec/*.s: rewritten, verified, linked with exec/harness.c and run in
#    a real sandbox (4 GiB-aligned reservation, %r14 and the %gs base set):
#    the rewritten code must compute what the input computes.
#  - usage and I/O errors: exit 2, no partial output.
set -u
BIN=${1:?usage: run.sh BINDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
RW=$BIN/lfi-rewrite
VERIFY=$BIN/lfi-verify
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
LFI_FLAGS="-ffixed-r11 -ffixed-r14 -mno-tls-direct-seg-refs -fno-plt
 -fcf-protection=none -fno-asynchronous-unwind-tables"

pass() { echo "PASS: rewriter/$1"; }
failt() { echo "FAIL: rewriter/$1: $2"; }

# hex string -> number (mawk has no strtonum)
HEX='function hex(s,  i, v) { s = tolower(s); sub(/^ +/, "", s); v = 0
	for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v }
'

# Every FUNC symbol of an object at a multiple of 32.
check_func_align() {
	readelf -sW "$1" | awk "$HEX"'$4 == "FUNC" && hex($2) % 32 != 0 {
		print $8 " at 0x" $2; bad = 1 } END { exit bad }'
}

# Every call (direct or indirect) ends at a multiple of 32, so return
# addresses are bundle-aligned. objdump -w prints all bytes on one line.
check_call_ends() {
	objdump -dw "$1" | awk -F'\t' "$HEX"'
		/^ *[0-9a-f]+:\t/ {
			addr = hex(substr($1, 1, index($1, ":") - 1))
			n = split($2, b, " ")
			if ($3 ~ /^call/ && (addr + n) % 32 != 0) {
				printf "call ends at 0x%x: %s\n", addr + n, $3; bad = 1
			}
		}
		END { exit bad }'
}

# Landing pads named by the call-site tables of a gcc .s file.
landing_pads() {
	awk '/^\.LLSDACSB[0-9]*:/ { n = 0; on = 1; next }
	     /^\.LLSDACSE[0-9]*:/ { on = 0 }
	     on && $1 == ".uleb128" { n++
		if (n % 4 == 3 && $2 != "0") { split($2, p, "-"); print p[1] } }' "$1"
}

# Every landing pad of $1 (gcc output) bundle-aligned in object $2 (-L).
check_landing_pads() {
	local lp sym bad=0
	for lp in $(landing_pads "$1"); do
		sym=$(readelf -sW "$2" | awk -v n="$lp" '$8 == n { print $2 }')
		if [ -z "$sym" ]; then echo "landing pad $lp not found"; return 1; fi
		if ! awk "$HEX"'BEGIN { exit hex("'"$sym"'") % 32 != 0 }'; then
			echo "landing pad $lp at 0x$sym"; bad=1
		fi
	done
	return $bad
}

# expect-aligned/expect-unaligned of input $1 against its rewrite $2
check_label_alignment() {
	local want
	for want in aligned unaligned; do
		sed -n "s/^# expect-$want: *//p" "$1" | tr ' ' '\n' | grep . |
		while read -r l; do
			awk -v want="$want" -v l="$l" '
				BEGIN { name = l; k = 1
					if (index(l, "#")) { name = substr(l, 1, index(l, "#") - 1)
						k = substr(l, index(l, "#") + 1) } }
				$0 == name ":" && ++seen == k {
					got = prev == "\t.p2align 5" ? "aligned" : "unaligned" }
				{ prev = $0 }
				END { if (got == "") { print l " not defined"; exit 1 }
				      if (got != want) { print l " is " got; exit 1 } }' "$2" || return 1
		done || return 1
	done
}

# every `# expect:` sequence of input $1 in its rewrite $2
check_expected_output() {
	awk 'function norm(s) { gsub(/[ \t]+/, " ", s); sub(/^ /, "", s)
			sub(/ $/, "", s); return s }
	     FNR == NR { if (sub(/^# expect: */, "")) want[++nw] = $0; next }
	     !/^#/ { out[++no] = norm($0) }
	     END {
		for (w = 1; w <= nw; w++) {
			k = split(want[w], seq, "[|]")
			for (j = 1; j <= k; j++) seq[j] = norm(seq[j])
			ok = 0
			for (i = 1; i + k - 1 <= no && !ok; i++) {
				for (j = 1; j <= k && out[i + j - 1] == seq[j]; j++) ;
				ok = j > k
			}
			if (!ok) { print "missing: " want[w]; exit 1 }
		}
	     }' "$1" "$2"
}

# rewrite + assemble + verify one .s; prints the reason on failure
lfi_check() {
	local s=$1 base=$2
	"$RW" -o "$base.lfi.s" "$s" 2>"$base.err" || { head -1 "$base.err"; return 1; }
	as --64 -o "$base.o" "$base.lfi.s" 2>"$base.err" ||
		{ echo "as: $(grep -m1 -i error "$base.err")"; return 1; }
	local v
	v=$("$VERIFY" "$base.o") || { echo "lfi-verify: $(echo "$v" | head -1)"; return 1; }
	check_func_align "$base.o" 2>&1 || return 1
	check_call_ends "$base.o" 2>&1 || return 1
	if grep -q '^\.LLSDACSB' "$s"; then
		as --64 -L -o "$base.L.o" "$base.lfi.s" || return 1
		check_landing_pads "$s" "$base.L.o" 2>&1 || return 1
	fi
}

for c in "$HERE"/c/*.c; do
	name=$(basename "$c" .c)
	extra=$(sed -n 's@^/\* cflags: \(.*\) \*/$@\1@p' "$c")
	if [ -n "$extra" ] && [[ "$extra" == *-fexceptions* ]] &&
	   ! gcc -S -O2 $extra $LFI_FLAGS -o - "$c" | landing_pads /dev/stdin | grep -q .; then
		failt "$name" "no landing pads in gcc's output: the test cannot fail"
	fi
	for opt in -O0 -O2 -O3 -Os; do
		for pic in "" -fPIC; do
			t="$name$opt${pic:+-pic}"
			base=$TMP/$t
			if ! gcc -S $opt $pic $extra $LFI_FLAGS -o "$base.s" "$c" 2>"$base.err"; then
				failt "$t" "gcc: $(head -1 "$base.err")"
				continue
			fi
			if why=$(lfi_check "$base.s" "$base"); then pass "$t"
			else failt "$t" "$(echo "$why" | head -1)"; fi
		done
	done
done

for s in "$HERE"/asm/*.s; do
	t=asm-$(basename "$s" .s)
	if why=$(lfi_check "$s" "$TMP/$t" &&
		 check_label_alignment "$s" "$TMP/$t.lfi.s" &&
		 check_expected_output "$s" "$TMP/$t.lfi.s"); then pass "$t"
	else failt "$t" "$(echo "$why" | head -1)"; fi
done

# execution in a sandbox
for s in "$HERE"/exec/*.s; do
	t=exec-$(basename "$s" .s)
	base=$TMP/$t
	if ! "$RW" -o "$base.lfi.s" "$s" 2>"$base.err"; then failt "$t" "$(head -1 "$base.err")"
	elif ! as --64 -o "$base.o" "$base.lfi.s" 2>"$base.err"; then failt "$t" "as: $(head -1 "$base.err")"
	elif ! v=$("$VERIFY" "$base.o"); then failt "$t" "lfi-verify: $(echo "$v" | head -1)"
	elif ! gcc -O2 -o "$base.run" "$HERE/exec/harness.c" "$base.o" 2>"$base.err"; then
		failt "$t" "gcc: $(head -1 "$base.err")"
	elif ! out=$("$base.run" 2>&1); then failt "$t" "$(echo "$out" | head -1)"
	else pass "$t"; fi
done

# bad input: exit 1, exactly one line FILE:LINE: reason: instruction
for s in "$HERE"/bad/*.s; do
	t=bad-$(basename "$s" .s)
	line=$(sed -n 's/^# expect-line: *//p' "$s")
	insn=$(sed -n "${line}p" "$s" | sed 's/^[ \t]*//; s/[ \t]*#.*//')
	want=$(sed -n 's/^# expect-message: *//p' "$s" | tr -s ' \t' '  ')
	out=$TMP/$t.out
	"$RW" -o "$out" "$s" >"$TMP/$t.stdout" 2>"$TMP/$t.err"
	rc=$?
	msg=$(cat "$TMP/$t.err")
	if [ $rc -ne 1 ]; then failt "$t" "exit $rc, expected 1"
	elif [ "$(wc -l <"$TMP/$t.err")" -ne 1 ]; then failt "$t" "expected one line, got: $msg"
	elif [[ "$msg" != "$s:$line: "* ]]; then failt "$t" "message does not start with $s:$line: ($msg)"
	elif [[ "$msg" != *"$insn"* ]]; then failt "$t" "message does not name '$insn' ($msg)"
	elif [ -n "$want" ] && [[ "$(echo "$msg" | tr -s ' \t' '  ')" != *"$want"* ]]; then
		failt "$t" "message does not contain '$want' ($msg)"
	elif ls "$TMP" | grep -q "^$t.out"; then failt "$t" "output file left behind"
	else pass "$t"; fi
done

# usage and I/O errors: exit 2, nothing written
expect_rc() {
	local t=$1 want=$2; shift 2
	"$@" >/dev/null 2>"$TMP/$t.err"
	local rc=$?
	if [ $rc -eq "$want" ]; then pass "$t"; else failt "$t" "exit $rc, expected $want"; fi
}
expect_rc usage-bad-option 2 "$RW" -x
expect_rc usage-two-inputs 2 "$RW" a.s b.s
expect_rc io-missing-input 2 "$RW" -o "$TMP/never.s" "$TMP/does-not-exist.s"
expect_rc io-output-dir-missing 2 "$RW" -o "$TMP/no/such/dir/out.s" "$HERE/asm/syscall.s"
if ls "$TMP" | grep -q '^never.s'; then failt io-no-partial-output "output created"
else pass io-no-partial-output; fi
# stdin to stdout
if printf '\tret\n' | "$RW" | grep -q $'popq\t%r11'; then pass stdin-stdout
else failt stdin-stdout "ret not rewritten through stdin/stdout"; fi
exit 0
