# expect: V5 writes-rsp
# why: stack pivot by xchg
	.text
	.bundle_align_mode 5
	xchgq %rax, %rsp
	int3
