# expect: V5 writes-rsp
# why: rdrand writes %rsp
	.text
	.bundle_align_mode 5
	rdrand %rsp
	int3
