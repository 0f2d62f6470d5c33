# expect: V3 memory-operand
# why: a store into the runtime-call table through %r14
	.text
	.bundle_align_mode 5
	movq %rax, (%r14)
	int3
