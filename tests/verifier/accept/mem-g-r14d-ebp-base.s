# accept: G form with %r14d, %ebp, %r13d bases (any 32-bit base)
	.text
	.bundle_align_mode 5
	movl %gs:(%r14d), %eax
	movl %gs:4(%ebp), %ecx
	movq %gs:(%r13d), %rdx
	movq %gs:8(%r12d,%r14d,2), %rsi
	int3
