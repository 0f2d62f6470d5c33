# expect: V3 memory-operand
# why: an M7 whose FP-control write has a raw memory operand
	.text
	.bundle_align_mode 5
	.bundle_lock
	ldmxcsr (%rax)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
