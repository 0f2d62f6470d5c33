# accept: lea never accesses memory and may name any operand
	.text
	.bundle_align_mode 5
	leaq (%rax,%rbx,8), %rcx
	leaq 8(%r14,%rax), %rcx
	leal (%eax), %ecx
	leaq 0x1000, %rax
	leaq (%rsp,%rax,2), %rdx
	leaq -8(%rbp), %rsi
	leal 4(%eip), %eax
	leaq (%r14), %r11
	int3
