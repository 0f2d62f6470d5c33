# expect: V4 writes-r14
# why: lea of a sandbox address into %r14
	.text
	.bundle_align_mode 5
	leaq table(%rip), %r14
	int3
	.data
	table: .quad 0
