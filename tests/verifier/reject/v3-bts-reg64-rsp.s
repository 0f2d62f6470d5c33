# expect: V3 memory-operand
# why: bts with a 64-bit register offset writes up to 2^60 bytes from the stack
	.text
	.bundle_align_mode 5
	btsq %rcx, 8(%rsp)
	int3
