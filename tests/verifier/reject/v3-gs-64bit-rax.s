# expect: V3 memory-operand
# why: %gs: with 64-bit addressing: gs base + any 64-bit value
	.text
	.bundle_align_mode 5
	movq %gs:(%rax), %rcx
	int3
