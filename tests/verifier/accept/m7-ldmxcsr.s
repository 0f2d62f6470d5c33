# accept: M7 with ldmxcsr (S form)
	.text
	.bundle_align_mode 5
	.bundle_lock
	ldmxcsr 8(%rsp)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
