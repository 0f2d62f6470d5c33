# accept: int3 padding between functions
	.text
	.bundle_align_mode 5
	movl $1, %eax
	.p2align 5, 0xcc
	movl $2, %eax
	.fill 40, 1, 0xcc
	hlt
