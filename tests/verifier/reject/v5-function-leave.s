# expect: V5 writes-rsp
# why: a realistic function epilogue that still uses leave
	.text
	.bundle_align_mode 5
	.globl f
	.type f, @function
	.p2align 5
f:
	pushq %rbp
	movq %rsp, %rbp
	.bundle_lock
	subl $16, %esp
	orq %r14, %rsp
	.bundle_unlock
	movl %edi, %gs:-4(%ebp)
	leave
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	int3
