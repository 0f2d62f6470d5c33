# expect: V3 memory-operand
# why: the SSE movsd is checked like any load (it is not a string instruction)
	.text
	.bundle_align_mode 5
	movsd (%rax), %xmm0
	int3
