# accept: M2 without NOPs
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	callq *%rax
	.bundle_unlock
	int3
