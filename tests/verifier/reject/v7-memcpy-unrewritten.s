# expect: V7 string-op
# why: a realistic memcpy whose rep movsb was not rewritten
	.text
	.bundle_align_mode 5
	.globl memcpy
	.type memcpy, @function
	.p2align 5
memcpy:
	movq %rdi, %rax
	movq %rdx, %rcx
	rep movsb
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
