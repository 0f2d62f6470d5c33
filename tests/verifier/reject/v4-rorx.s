# expect: V4 writes-r14
# why: BMI2 rorx writes %r14
	.text
	.bundle_align_mode 5
	rorx $3, %rax, %r14
	int3
