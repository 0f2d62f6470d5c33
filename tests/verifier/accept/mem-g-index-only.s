# accept: G form with an index and no base
	.text
	.bundle_align_mode 5
	movl %gs:0(,%ecx,8), %eax
	movq %gs:0x40(,%r12d,4), %rdx
	int3
