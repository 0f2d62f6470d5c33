# accept: whole function: set thread pointer through runtime call 16
	.text
	.bundle_align_mode 5
	.globl __set_tp
	.type __set_tp, @function
	.p2align 5
__set_tp:
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *16(%r14)
1:
	.bundle_unlock
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
