#!/bin/sh
# make-seeds.sh OUTDIR - assemble small LFI-x64 snippets with GNU as and
# write their raw .text bytes into OUTDIR (one seed file per snippet), so
# that fuzz-verify starts from code the verifier accepts. bench/sample.s is
# added too when present. Seeds are generated, never committed.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
out=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

AS=${AS:-as}
OBJCOPY=${OBJCOPY:-objcopy}

# seed NAME: assemble stdin (after a common header) into OUTDIR/NAME.bin
seed() {
	{
		printf '\t.text\n\t.bundle_align_mode 5\n'
		cat
	} >"$tmp/$1.s"
	"$AS" --64 -o "$tmp/$1.o" "$tmp/$1.s"
	"$OBJCOPY" -O binary -j .text "$tmp/$1.o" "$out/seed-$1.bin"
}

seed m1-return <<'S'
f:	pushq %rbp
	movq %rsp, %rbp
	movl %gs:8(%edi), %eax
	addl %gs:12(%edi), %eax
	popq %rbp
	popq %r11
	.bundle_lock
	andl $0xffffffe0, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
S

seed m2-call <<'S'
	movq %gs:16(%edi), %r11
	.p2align 5
	.bundle_lock
	andl $0xffffffe0, %r11d
	addq %r14, %r11
	.nops 22
	callq *%r11
	.bundle_unlock
	movl %eax, %gs:(%ebx)
	int3
S

seed m3-syscall <<'S'
	movl $39, %eax
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *(%r14)
1:
	.bundle_unlock
	.bundle_lock
	leaq 2f(%rip), %r11
	jmpq *8(%r14)
2:
	.bundle_unlock
	movq %r11, %rax
	movq %gs:8(%r11d), %r11
	ud2
S

seed m4-stack <<'S'
	.bundle_lock
	subl $64, %esp
	orq %r14, %rsp
	.bundle_unlock
	movq %rdi, 8(%rsp)
	movq %rsi, 16(%rsp)
	movq 8(%rsp), %rax
	.bundle_lock
	leal 64(%rsp), %esp
	addq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	andl $0xfffffff0, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	movl %ebp, %esp
	orq %r14, %rsp
	.bundle_unlock
	hlt
S

seed m5-m6-string <<'S'
	movl %edx, %ecx
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsb
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	rep stosq
	.bundle_unlock
	.bundle_lock
	std
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	lodsb
	cld
	.bundle_unlock
	int3
S

seed m7-fpcontrol <<'S'
	stmxcsr 4(%rsp)
	orl $0x6000, 4(%rsp)
	.bundle_lock
	ldmxcsr 4(%rsp)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	.bundle_lock
	fldcw %gs:(%eax)
	leaq 2f(%rip), %r11
	jmpq *32(%r14)
2:
	.bundle_unlock
	int3
S

seed loop-memory <<'S'
sum:	xorl %eax, %eax
	testl %esi, %esi
	je 2f
	xorl %ecx, %ecx
1:	addl %gs:(%edi,%ecx,4), %eax
	incl %ecx
	cmpl %esi, %ecx
	jb 1b
2:	movq table(%rip), %rdx
	movl %eax, %gs:table(%eip)
	leaq (%rax,%rdx,8), %rdx
	cmpxchgl %edx, %gs:4(%ebx)
	lock xaddl %eax, %gs:(%ebx,%esi)
	call sum
	jmp sum
table:	int3
S

seed simd <<'S'
	movdqu %gs:(%esi), %xmm0
	paddd %gs:16(%esi), %xmm0
	pshufd $0x1b, %xmm0, %xmm1
	movdqa %xmm1, 32(%rsp)
	vmovdqu %gs:(%esi,%ecx), %ymm0
	vpaddd %ymm1, %ymm0, %ymm2
	vfmadd231ps %ymm2, %ymm1, %ymm0
	vmovdqu %ymm0, %gs:(%edi,%ecx)
	vzeroupper
	cvtsi2sdq %rax, %xmm3
	movsd %xmm3, %gs:8(%edx)
	popcntq %rax, %rbx
	lzcntl %ecx, %edx
	andn %eax, %ebx, %ecx
	aesenc %xmm1, %xmm2
	crc32b %gs:(%eax), %ecx
	fldl %gs:(%eax)
	fstpl 8(%rsp)
	int3
S

seed rip-forms <<'S'
	pushq counter(%rip)
	incl counter(%rip)
	decq counter+8(%rip)
	pushq 8(%rsp)
	negq 16(%rsp)
	incl %gs:(%edi)
	pushq %gs:8(%esi)
	popq %gs:16(%esi)
	popq 24(%rsp)
	movl counter(%rip), %eax
	cmpl $3, counter(%rip)
	jne 1f
	movq %rax, %r11
	.bundle_lock
	andl $0xffffffe0, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
1:	ud2
	.set counter, 0x2000
S

n=$(ls "$out" | grep -c '^seed-' || true)
if [ -f "$top/bench/sample.s" ]; then
	"$AS" --64 -o "$tmp/sample.o" "$top/bench/sample.s"
	"$OBJCOPY" -O binary -j .text "$tmp/sample.o" "$out/seed-bench-sample.bin"
	n=$((n + 1))
fi
echo "make-seeds: $n seeds in $out"
