# expect: V5 writes-rsp
# why: pop %rsp loads an arbitrary stack pointer
	.text
	.bundle_align_mode 5
	popq %rsp
	int3
