# expect: V4 writes-r14
# why: a conditional move still may write %r14
	.text
	.bundle_align_mode 5
	cmovzq %rax, %r14
	int3
