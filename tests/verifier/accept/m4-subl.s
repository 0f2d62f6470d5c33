# accept: M4: subl $i,%esp
	.text
	.bundle_align_mode 5
	.bundle_lock
	subl $8, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	subl $0x10000, %esp
	orq %r14, %rsp
	.bundle_unlock
	int3
