# expect: V4 writes-r14
# why: BMI2 pdep writes %r14
	.text
	.bundle_align_mode 5
	pdepq %rax, %rbx, %r14
	int3
