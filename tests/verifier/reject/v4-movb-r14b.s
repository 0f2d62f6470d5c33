# expect: V4 writes-r14
# why: an 8-bit write changes the low bits of the base
	.text
	.bundle_align_mode 5
	movb %al, %r14b
	int3
