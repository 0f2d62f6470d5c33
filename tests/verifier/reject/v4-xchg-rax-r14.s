# expect: V4 writes-r14
# why: xchg writes both operands
	.text
	.bundle_align_mode 5
	xchgq %rax, %r14
	int3
