# accept: SSE movsd/cmpsd are not string instructions
	.text
	.bundle_align_mode 5
	movsd %xmm0, %xmm1
	movsd 8(%rsp), %xmm0
	cmpsd $1, %xmm1, %xmm0
	movsd %xmm0, %gs:(%eax)
	cmpsd $0, %gs:(%ecx), %xmm2
	vmovsd %gs:(%edx), %xmm3
	cmpltsd %xmm4, %xmm5
	movsd var(%rip), %xmm6
	int3
	.data
	var: .double 0
