# accept: whole function: memchr with repne scasb in M5
	.text
	.bundle_align_mode 5
	.globl memchr
	.type memchr, @function
	.p2align 5
memchr:
	movl %esi, %eax
	movq %rdx, %rcx
	testq %rcx, %rcx
	je 1f
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	repne scasb
	.bundle_unlock
	jne 1f
	leaq -1(%rdi), %rax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
1:
	xorl %eax, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
