# expect: V4 writes-r14
# why: an M1 with X = %r14: the andl destroys the base
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %r14d
	orq %r14, %r14
	jmpq *%r14
	.bundle_unlock
	int3
