# expect: V3 memory-operand
# why: addr32 without %gs: a host address below 4 GiB
	.text
	.bundle_align_mode 5
	movl (%eax), %ecx
	int3
