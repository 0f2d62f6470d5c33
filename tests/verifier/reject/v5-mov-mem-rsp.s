# expect: V5 writes-rsp
# why: loads %rsp from memory (even S-form memory)
	.text
	.bundle_align_mode 5
	movq (%rsp), %rsp
	int3
