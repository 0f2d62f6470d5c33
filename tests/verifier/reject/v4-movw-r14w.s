# expect: V4 writes-r14
# why: a 16-bit write changes the low bits of the base
	.text
	.bundle_align_mode 5
	movw %ax, %r14w
	int3
