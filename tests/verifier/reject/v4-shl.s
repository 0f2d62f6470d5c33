# expect: V4 writes-r14
# why: shift writes %r14
	.text
	.bundle_align_mode 5
	shlq $4, %r14
	int3
