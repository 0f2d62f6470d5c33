# expect: V3 memory-operand
# why: a plain 64-bit base register reaches the whole address space
	.text
	.bundle_align_mode 5
	movq (%rax), %rcx
	int3
