# expect: V5 writes-rsp
# why: zero-extending %esp is a write of %rsp
	.text
	.bundle_align_mode 5
	movl %esp, %esp
	int3
