# expect: V4 writes-r14
# why: cmpxchg conditionally writes its destination
	.text
	.bundle_align_mode 5
	cmpxchgq %rax, %r14
	int3
