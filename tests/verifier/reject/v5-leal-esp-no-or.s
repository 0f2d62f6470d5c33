# expect: V5 writes-rsp
# why: M4 leal without the or
	.text
	.bundle_align_mode 5
	leal 8(%rsp), %esp
	int3
