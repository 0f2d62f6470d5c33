# expect: V3 memory-operand
# why: a realistic loop in which one memory operand was not rewritten
	.text
	.bundle_align_mode 5
	.globl sum
	.type sum, @function
	.p2align 5
sum:
	xorl %eax, %eax
	xorl %ecx, %ecx
1:
	addl %gs:(%edi,%ecx,4), %eax
	addl (%rsi,%rcx,4), %eax
	incl %ecx
	cmpl %edx, %ecx
	jb 1b
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	int3
