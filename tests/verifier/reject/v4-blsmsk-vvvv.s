# expect: V4 writes-r14
# why: BMI1 blsmsk writes VEX.vvvv, with a G-form source
	.text
	.bundle_align_mode 5
	blsmsk %gs:(%eax), %r14d
	int3
