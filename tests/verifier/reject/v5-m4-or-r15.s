# expect: V5 writes-rsp
# why: the second M4 part must combine with %r14
	.text
	.bundle_align_mode 5
	.bundle_lock
	subl $8, %esp
	orq %r15, %rsp
	.bundle_unlock
	int3
