# expect: V4 writes-r14
# why: moves the sandbox base
	.text
	.bundle_align_mode 5
	addq $0x1000, %r14
	int3
