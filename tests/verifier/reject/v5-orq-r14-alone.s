# expect: V5 writes-rsp
# why: orq %r14,%rsp alone keeps the upper 32 bits of an unchecked %rsp
	.text
	.bundle_align_mode 5
	orq %r14, %rsp
	int3
