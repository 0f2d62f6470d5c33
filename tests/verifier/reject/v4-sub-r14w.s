# expect: V4 writes-r14
# why: 16-bit arithmetic on %r14w
	.text
	.bundle_align_mode 5
	subw $1, %r14w
	int3
