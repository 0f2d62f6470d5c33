# accept: whole function: the host-return stub (runtime call 24)
	.text
	.bundle_align_mode 5
	.globl __box_return
	.type __box_return, @function
	.p2align 5
__box_return:
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *24(%r14)
1:
	.bundle_unlock
	ud2
