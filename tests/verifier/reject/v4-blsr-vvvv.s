# expect: V4 writes-r14
# why: BMI1 blsr writes its destination through VEX.vvvv
	.text
	.bundle_align_mode 5
	blsr %rax, %r14
	int3
