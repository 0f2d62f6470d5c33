# expect: V3 memory-operand
# why: reads a host address from the runtime-call table
	.text
	.bundle_align_mode 5
	movq 32(%r14), %r11
	int3
