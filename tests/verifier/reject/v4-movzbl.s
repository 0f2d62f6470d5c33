# expect: V4 writes-r14
# why: zero-extending load into %r14d
	.text
	.bundle_align_mode 5
	movzbl %al, %r14d
	int3
