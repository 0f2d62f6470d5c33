# accept: whole function: strlen with pcmpistri
	.text
	.bundle_align_mode 5
	.globl strlen
	.type strlen, @function
	.p2align 5
strlen:
	movl %edi, %edx
	pxor %xmm0, %xmm0
	xorl %eax, %eax
1:
	movdqu %gs:(%edx,%eax,1), %xmm1
	pcmpistri $0x08, %xmm1, %xmm0
	jz 2f
	addl $16, %eax
	jmp 1b
2:
	addl %ecx, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
