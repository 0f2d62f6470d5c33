# expect: V5 writes-rsp
# why: cmov conditionally writes %rsp
	.text
	.bundle_align_mode 5
	cmovzq %rax, %rsp
	int3
