# accept: G form relative to %eip
	.text
	.bundle_align_mode 5
	movl %gs:16(%eip), %eax
	movq %rax, %gs:-64(%eip)
	int3
