# accept: whole function: call into the host through runtime call 40
	.text
	.bundle_align_mode 5
	.globl __box_callback
	.type __box_callback, @function
	.p2align 5
__box_callback:
	pushq %rbx
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *40(%r14)
1:
	.bundle_unlock
	popq %rbx
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
