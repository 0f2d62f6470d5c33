# accept: whole function: byte loop strlen
	.text
	.bundle_align_mode 5
	.globl strlen_b
	.type strlen_b, @function
	.p2align 5
strlen_b:
	xorl %eax, %eax
1:
	cmpb $0, %gs:(%edi,%eax,1)
	je 2f
	incl %eax
	jmp 1b
2:
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
