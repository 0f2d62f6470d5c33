# accept: M2 with addq %r14
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %ebx
	addq %r14, %rbx
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	callq *%rbx
	.bundle_unlock
