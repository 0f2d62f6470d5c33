# expect: V3 memory-operand
# why: %gs: with a 64-bit index
	.text
	.bundle_align_mode 5
	movl %gs:0(,%rax,4), %ecx
	int3
