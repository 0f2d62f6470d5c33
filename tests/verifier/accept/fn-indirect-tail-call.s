# accept: whole function: tail call through a function pointer with M1
	.text
	.bundle_align_mode 5
	.globl tailcall
	.type tailcall, @function
	.p2align 5
tailcall:
	movq %gs:(%edi), %r11
	movq %rsi, %rdi
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
