# accept: M1 with addq %r14 instead of orq
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %ecx
	addq %r14, %rcx
	jmpq *%rcx
	.bundle_unlock
