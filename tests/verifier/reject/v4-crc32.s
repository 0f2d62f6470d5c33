# expect: V4 writes-r14
# why: crc32 accumulates into %r14
	.text
	.bundle_align_mode 5
	crc32q %rax, %r14
	int3
