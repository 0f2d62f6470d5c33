# expect: V4 writes-r14
# why: overwrites the sandbox base
	.text
	.bundle_align_mode 5
	movq %rax, %r14
	int3
