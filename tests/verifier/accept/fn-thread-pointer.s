# accept: whole function: __get_tp through runtime call 8
	.text
	.bundle_align_mode 5
	.globl __get_tp
	.type __get_tp, @function
	.p2align 5
__get_tp:
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *8(%r14)
1:
	.bundle_unlock
	movq %r11, %rax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.globl errno_loc
	.type errno_loc, @function
	.p2align 5
errno_loc:
	.bundle_lock
	leaq 2f(%rip), %r11
	jmpq *8(%r14)
2:
	.bundle_unlock
	movq %r11, %rax
	addq $48, %rax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
