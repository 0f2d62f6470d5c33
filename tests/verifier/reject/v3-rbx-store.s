# expect: V3 memory-operand
# why: an unsandboxed store
	.text
	.bundle_align_mode 5
	movl %eax, 8(%rbx)
	int3
