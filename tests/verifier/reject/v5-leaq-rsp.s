# expect: V5 writes-rsp
# why: lea writes %rsp with a 64-bit result
	.text
	.bundle_align_mode 5
	leaq 8(%rsp), %rsp
	int3
