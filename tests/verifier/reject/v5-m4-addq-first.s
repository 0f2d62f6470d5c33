# expect: V5 writes-rsp
# why: the first M4 part must be a 32-bit operation
	.text
	.bundle_align_mode 5
	.bundle_lock
	addq $8, %rsp
	orq %r14, %rsp
	.bundle_unlock
	int3
