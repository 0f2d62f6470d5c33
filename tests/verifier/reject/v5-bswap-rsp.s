# expect: V5 writes-rsp
# why: bswap writes %rsp
	.text
	.bundle_align_mode 5
	bswapq %rsp
	int3
