# expect: V5 writes-rsp
# why: M4 without the or leaves %rsp below 4 GiB (host memory)
	.text
	.bundle_align_mode 5
	movl %eax, %esp
	int3
