# expect: V5 writes-rsp
# why: xadd writes %rsp
	.text
	.bundle_align_mode 5
	xaddq %rax, %rsp
	int3
