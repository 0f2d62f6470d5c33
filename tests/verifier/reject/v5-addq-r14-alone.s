# expect: V5 writes-rsp
# why: addq %r14,%rsp alone adds the base to a full 64-bit %rsp
	.text
	.bundle_align_mode 5
	addq %r14, %rsp
	int3
