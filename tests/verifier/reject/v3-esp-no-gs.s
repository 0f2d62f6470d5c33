# expect: V3 memory-operand
# why: (%esp) without %gs is a 32-bit host address
	.text
	.bundle_align_mode 5
	movl (%esp), %eax
	int3
