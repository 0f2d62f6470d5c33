# expect: V4 writes-r14
# why: a 32-bit write zeroes the upper half of %r14
	.text
	.bundle_align_mode 5
	movl %eax, %r14d
	int3
