# expect: V3 memory-operand
# why: bt with a 64-bit register offset reaches %gs:ecx + rax/8: up to 2^60 bytes away
	.text
	.bundle_align_mode 5
	btq %rax, %gs:(%ecx)
	int3
