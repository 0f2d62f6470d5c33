# accept: whole function: AVX2/FMA saxpy loop
	.text
	.bundle_align_mode 5
	.globl saxpy
	.type saxpy, @function
	.p2align 5
saxpy:
	vbroadcastss %xmm0, %ymm0
	xorl %eax, %eax
	testl %edi, %edi
	je 2f
1:
	vmovups %gs:(%esi,%eax,4), %ymm1
	vfmadd213ps %gs:(%edx,%eax,4), %ymm0, %ymm1
	vmovups %ymm1, %gs:(%edx,%eax,4)
	addl $8, %eax
	cmpl %edi, %eax
	jb 1b
2:
	vzeroupper
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
