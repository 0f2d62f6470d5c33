# expect: V3 memory-operand
# why: %es override with addr32 is a host address
	.text
	.bundle_align_mode 5
	movl %es:(%eax), %ecx
	int3
