# accept: direct call to a local function; the call ends at a bundle end
	.text
	.bundle_align_mode 5
	.bundle_lock
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax)
	call helper
	.bundle_unlock
	int3
	.p2align 5
helper:
	movl $1, %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
