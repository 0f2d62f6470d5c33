# accept: reading %r14 in every width is fine
	.text
	.bundle_align_mode 5
	movq %r14, %rax
	addq %r14, %rcx
	cmpq %r14, %rdx
	pushq %r14
	popq %r11
	movl %r14d, %eax
	testq %r14, %r14
	leaq (%r14,%rax), %rcx
	movq %r14, %gs:(%ecx)
	movw %r14w, %ax
	movb %r14b, %al
	bt $3, %r14
	int3
