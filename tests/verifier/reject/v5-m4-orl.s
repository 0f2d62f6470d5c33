# expect: V5 writes-rsp
# why: a 32-bit or of %r14d leaves %rsp below 4 GiB
	.text
	.bundle_align_mode 5
	.bundle_lock
	subl $8, %esp
	orl %r14d, %esp
	.bundle_unlock
	int3
