# expect: V5 writes-rsp
# why: an M4 whose parts lie in two bundles (a jump to the second bundle skips the masking)
	.text
	.p2align 5
	.fill 30, 1, 0x90
	movl %eax, %esp
	orq %r14, %rsp
	int3
