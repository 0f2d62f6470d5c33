# accept: whole function: AES-NI encryption rounds
	.text
	.bundle_align_mode 5
	.globl aes_enc
	.type aes_enc, @function
	.p2align 5
aes_enc:
	movdqu %gs:(%edi), %xmm0
	pxor %gs:(%edx), %xmm0
	movl $1, %ecx
1:
	movl %ecx, %eax
	shll $4, %eax
	aesenc %gs:(%edx,%eax,1), %xmm0
	incl %ecx
	cmpl $10, %ecx
	jb 1b
	aesenclast %gs:160(%edx), %xmm0
	movdqu %xmm0, %gs:(%esi)
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
