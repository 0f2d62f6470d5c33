# accept: M1: andl $-32,%eax; orq %r14,%rax; jmpq *%rax
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
