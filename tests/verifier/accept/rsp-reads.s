# accept: reading %rsp is always fine; push %rsp is an implicit change
	.text
	.bundle_align_mode 5
	movq %rsp, %rax
	leaq 8(%rsp), %rdi
	cmpq %rsp, %rbp
	pushq %rsp
	popq %rax
	testq $15, %rsp
	movl %esp, %ecx
	movb %spl, %dl
	int3
