#!/bin/bash
# The demo until the sobox tool exists: lfi-verify accepts a sandboxed
# function and rejects an unsafe one, saying why.
set -u
BUILD=${1:-build}
V=$BUILD/bin/lfi-verify
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

show() {
	echo "\$ lfi-verify $(basename "$1")"
	"$V" "$1" | sed "s|$T/||"
	echo "(exit status ${PIPESTATUS[0]})"
	echo
}

cat > "$T/sum-sandboxed.s" <<'ASM'
# int sum(int *a, int n), compiled for LFI-x64: every load is %gs:-relative
# with 32-bit addressing, the return is a masked jump, the stack is never
# written directly.
	.bundle_align_mode 5
	.text
	.globl sum
	.p2align 5
sum:
	xorl %eax, %eax
	testl %esi, %esi
	jle 2f
	leal -1(%rsi), %ecx
1:	addl %gs:(%edi,%ecx,4), %eax
	subl $1, %ecx
	jns 1b
2:	popq %r11
	.bundle_lock
	andl $0xffffffe0, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
ASM
cat > "$T/sum-unsafe.s" <<'ASM'
# The same function as a plain compiler writes it: the load through a
# 64-bit pointer can reach any host address, and ret jumps anywhere.
	.text
	.globl sum
	.p2align 5
sum:
	xorl %eax, %eax
	testl %esi, %esi
	jle 2f
	leal -1(%rsi), %ecx
1:	addl (%rdi,%rcx,4), %eax
	subl $1, %ecx
	jns 1b
2:	ret
ASM
for f in sum-sandboxed sum-unsafe; do
	as --64 -o "$T/$f.o" "$T/$f.s"
done
echo "== sobox demo: the LFI-x64 verifier"
echo
sed -n '1,3p' "$T/sum-sandboxed.s"
show "$T/sum-sandboxed.o"
sed -n '1,2p' "$T/sum-unsafe.s"
show "$T/sum-unsafe.o"
"$V" "$T/sum-sandboxed.o" >/dev/null && ! "$V" "$T/sum-unsafe.o" >/dev/null
