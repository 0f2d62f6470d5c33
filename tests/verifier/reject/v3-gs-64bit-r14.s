# expect: V3 memory-operand
# why: %gs: with a 64-bit base (base + base)
	.text
	.bundle_align_mode 5
	movq %gs:(%r14), %rcx
	int3
