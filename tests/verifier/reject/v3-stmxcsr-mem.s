# expect: V3 memory-operand
# why: FP-state stores need G/S/R operands too
	.text
	.bundle_align_mode 5
	stmxcsr (%rax)
	int3
