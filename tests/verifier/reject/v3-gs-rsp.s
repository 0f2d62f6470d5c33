# expect: V3 memory-operand
# why: %gs: on an %rsp base adds the base twice
	.text
	.bundle_align_mode 5
	movq %gs:8(%rsp), %rax
	int3
