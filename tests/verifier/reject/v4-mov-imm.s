# expect: V4 writes-r14
# why: sets the base to an arbitrary host address
	.text
	.bundle_align_mode 5
	movabsq $0x7f0000000000, %r14
	int3
