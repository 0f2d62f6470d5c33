# expect: V3 memory-operand
# why: SSE load from a raw pointer
	.text
	.bundle_align_mode 5
	movups (%rdi), %xmm0
	int3
