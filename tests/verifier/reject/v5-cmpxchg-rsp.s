# expect: V5 writes-rsp
# why: cmpxchg conditionally writes %rsp
	.text
	.bundle_align_mode 5
	cmpxchgq %rcx, %rsp
	int3
