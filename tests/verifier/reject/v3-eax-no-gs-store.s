# expect: V3 memory-operand
# why: addr32 store without %gs
	.text
	.bundle_align_mode 5
	movq %rcx, 16(%eax,%ebx,2)
	int3
