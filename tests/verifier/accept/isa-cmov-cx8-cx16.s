# accept: CMOV, cmpxchg8b, cmpxchg16b
	.text
	.bundle_align_mode 5
	cmovz %rax, %rcx
	cmovnel %ebx, %edx
	cmpxchg8b %gs:(%eax)
	cmpxchg16b 16(%rsp)
	int3
