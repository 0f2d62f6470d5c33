# expect: V5 writes-rsp
# why: unmasked 64-bit stack adjustment
	.text
	.bundle_align_mode 5
	subq $8, %rsp
	int3
