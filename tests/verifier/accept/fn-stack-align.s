# accept: whole function: stack realignment with M4 andl
	.text
	.bundle_align_mode 5
	.globl aligned
	.type aligned, @function
	.p2align 5
aligned:
	pushq %rbp
	movq %rsp, %rbp
	.bundle_lock
	andl $-32, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	subl $64, %esp
	orq %r14, %rsp
	.bundle_unlock
	vmovaps %ymm0, (%rsp)
	vzeroupper
	.bundle_lock
	leal (%rbp), %esp
	orq %r14, %rsp
	.bundle_unlock
	popq %rbp
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
