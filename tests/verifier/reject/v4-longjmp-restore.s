# expect: V4 writes-r14
# why: a longjmp that restores %r14 from the jmp_buf (toolchain-notes item 5)
	.text
	.bundle_align_mode 5
	movq %gs:(%edi), %rbx
	movq %gs:32(%edi), %r14
	movq %gs:48(%edi), %rdx
	int3
