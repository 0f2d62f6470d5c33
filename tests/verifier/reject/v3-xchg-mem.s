# expect: V3 memory-operand
# why: xchg with a raw pointer
	.text
	.bundle_align_mode 5
	xchgq %rax, (%rbx)
	int3
