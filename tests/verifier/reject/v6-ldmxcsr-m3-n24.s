# expect: V6 fp-control
# why: returning to the host right after an MXCSR change
	.text
	.bundle_align_mode 5
	.bundle_lock
	ldmxcsr 8(%rsp)
	leaq 1f(%rip), %r11
	jmpq *24(%r14)
1:
	.bundle_unlock
	int3
