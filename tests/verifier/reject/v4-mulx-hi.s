# expect: V4 writes-r14
# why: mulx writes its high destination %r14
	.text
	.bundle_align_mode 5
	mulxq %rax, %rbx, %r14
	int3
