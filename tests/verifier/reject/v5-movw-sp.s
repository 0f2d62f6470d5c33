# expect: V5 writes-rsp
# why: a 16-bit write of %sp
	.text
	.bundle_align_mode 5
	movw %ax, %sp
	int3
