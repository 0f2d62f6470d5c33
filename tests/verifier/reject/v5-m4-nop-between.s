# expect: V5 writes-rsp
# why: the two M4 parts must be adjacent
	.text
	.bundle_align_mode 5
	.bundle_lock
	subl $8, %esp
	nop
	orq %r14, %rsp
	.bundle_unlock
	int3
