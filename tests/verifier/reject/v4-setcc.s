# expect: V4 writes-r14
# why: setcc writes %r14b
	.text
	.bundle_align_mode 5
	sete %r14b
	int3
