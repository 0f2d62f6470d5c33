# expect: V3 memory-operand
# why: %r14-relative (T form) is only allowed as the jmp of M3
	.text
	.bundle_align_mode 5
	movq 8(%r14), %rax
	int3
