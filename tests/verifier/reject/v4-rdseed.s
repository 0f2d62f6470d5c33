# expect: V4 writes-r14
# why: rdseed writes %r14
	.text
	.bundle_align_mode 5
	rdseed %r14
	int3
