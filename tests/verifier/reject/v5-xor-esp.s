# expect: V5 writes-rsp
# why: zeroes %rsp
	.text
	.bundle_align_mode 5
	xorl %esp, %esp
	int3
