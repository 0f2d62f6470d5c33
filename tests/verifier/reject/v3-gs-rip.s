# expect: V3 memory-operand
# why: %gs: on a %rip base adds the base to a host address
	.text
	.bundle_align_mode 5
	movq %gs:0(%rip), %rax
	int3
