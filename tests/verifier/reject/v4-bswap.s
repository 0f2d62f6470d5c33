# expect: V4 writes-r14
# why: bswap writes %r14
	.text
	.bundle_align_mode 5
	bswapq %r14
	int3
