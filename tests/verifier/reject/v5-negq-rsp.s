# expect: V5 writes-rsp
# why: neg writes %rsp
	.text
	.bundle_align_mode 5
	negq %rsp
	int3
