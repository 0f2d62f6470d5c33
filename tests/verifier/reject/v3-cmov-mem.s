# expect: V3 memory-operand
# why: cmov reads memory even when the condition fails
	.text
	.bundle_align_mode 5
	cmovzq (%rax), %rcx
	int3
