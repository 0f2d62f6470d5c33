# expect: V4 writes-r14
# why: bit-set writes %r14
	.text
	.bundle_align_mode 5
	btsq $40, %r14
	int3
