# accept: G form may use %esp (a 32-bit base) as base
	.text
	.bundle_align_mode 5
	movq %gs:8(%esp), %rax
	movl %eax, %gs:(%esp,%ecx,4)
	addl $1, %gs:-4(%esp)
	int3
