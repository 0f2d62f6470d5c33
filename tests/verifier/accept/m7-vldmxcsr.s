# accept: M7 with vldmxcsr (G form)
	.text
	.bundle_align_mode 5
	.bundle_lock
	vldmxcsr %gs:(%eax)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
