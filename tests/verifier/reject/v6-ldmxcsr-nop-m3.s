# expect: V6 fp-control
# why: the parts of an M7 must be adjacent
	.text
	.bundle_align_mode 5
	.bundle_lock
	ldmxcsr 8(%rsp)
	nop
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
