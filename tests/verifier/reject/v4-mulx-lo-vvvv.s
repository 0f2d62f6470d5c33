# expect: V4 writes-r14
# why: mulx writes its low destination through VEX.vvvv
	.text
	.bundle_align_mode 5
	mulxq %rax, %r14, %rbx
	int3
