# accept: each executable section is verified on its own
	.text
	.bundle_align_mode 5
	movl $1, %eax
	jmp 1f
1:
	int3
	.section .text.other,"ax",@progbits
	.bundle_align_mode 5
	movl $2, %eax
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
	.section .text.unlikely,"ax",@progbits
	hlt
