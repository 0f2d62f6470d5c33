# accept: SSE, SSE2, SSE3, SSSE3, SSE4.1, SSE4.2
	.text
	.bundle_align_mode 5
	movups %gs:(%eax), %xmm0
	addps %xmm1, %xmm0
	movaps %xmm0, 16(%rsp)
	cvtsi2sdq %rax, %xmm2
	paddd %xmm3, %xmm4
	pshufd $0x1b, %xmm4, %xmm5
	movdqu %xmm5, %gs:(%edi,%ecx,1)
	haddps %xmm1, %xmm2
	lddqu %gs:(%esi), %xmm6
	pshufb %xmm7, %xmm6
	palignr $4, %xmm1, %xmm2
	pmulld %xmm1, %xmm2
	ptest %xmm2, %xmm3
	pblendvb %xmm0, %xmm4, %xmm5
	roundsd $1, %xmm1, %xmm2
	pcmpestri $0x0c, %gs:(%eax), %xmm1
	pcmpgtq %xmm1, %xmm2
	crc32b %al, %ecx
	crc32q %gs:(%eax), %rcx
	movq %xmm0, %rax
	movd %ecx, %xmm1
	pextrq $1, %xmm2, %rdx
	pinsrd $2, %gs:(%ebx), %xmm3
	movntdq %xmm1, %gs:(%eax)
	movnti %eax, %gs:(%ecx)
	sqrtsd %xmm1, %xmm1
	ucomisd %xmm1, %xmm2
	cvttsd2si %xmm1, %eax
	int3
