# expect: V3 memory-operand
# why: S form allows no segment override
	.text
	.bundle_align_mode 5
	movq %ds:8(%rsp), %rax
	int3
