# expect: V2 forbidden
# why: interrupt return loads %cs, %ss, %rflags and %rsp
	.text
	.bundle_align_mode 5
	iretq
	int3
