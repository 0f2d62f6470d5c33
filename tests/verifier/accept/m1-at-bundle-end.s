# accept: M1 ending exactly at a bundle boundary
	.text
	.bundle_align_mode 5
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%rax)
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
