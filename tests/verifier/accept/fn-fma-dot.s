# accept: whole function: FMA dot product with a horizontal reduction
	.text
	.bundle_align_mode 5
	.globl dot
	.type dot, @function
	.p2align 5
dot:
	vxorpd %ymm0, %ymm0, %ymm0
	xorl %eax, %eax
1:
	vmovupd %gs:(%edi,%eax,8), %ymm1
	vfmadd231pd %gs:(%esi,%eax,8), %ymm1, %ymm0
	addl $4, %eax
	cmpl %edx, %eax
	jb 1b
	vextractf128 $1, %ymm0, %xmm1
	vaddpd %xmm1, %xmm0, %xmm0
	vhaddpd %xmm0, %xmm0, %xmm0
	vzeroupper
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
