# expect: V4 writes-r14
# why: pop into %r14 (longjmp-style restore)
	.text
	.bundle_align_mode 5
	popq %r14
	int3
