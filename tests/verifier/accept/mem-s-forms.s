# accept: S form: d(%rsp), 64-bit address, no index, no segment
	.text
	.bundle_align_mode 5
	movq 8(%rsp), %rax
	movq %rax, (%rsp)
	addl $1, -8(%rsp)
	cmpq $0, 0x7ffffff0(%rsp)
	movsd 8(%rsp), %xmm0
	movaps %xmm1, -128(%rsp)
	incb -0x80000000(%rsp)
	vmovdqu %ymm2, 32(%rsp)
	int3
