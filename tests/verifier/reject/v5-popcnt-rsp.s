# expect: V5 writes-rsp
# why: popcnt writes %rsp
	.text
	.bundle_align_mode 5
	popcntq %rax, %rsp
	int3
