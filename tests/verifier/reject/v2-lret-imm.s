# expect: V2 forbidden
# why: far return with stack adjustment
	.text
	.bundle_align_mode 5
	lretq $8
	int3
