# expect: V3 memory-operand
# why: R form allows no segment override
	.text
	.bundle_align_mode 5
	movq %cs:0(%rip), %rax
	int3
