# expect: V3 memory-operand
# why: disp32 absolute (SIB without base)
	.text
	.bundle_align_mode 5
	mov 0x1000, %eax
	int3
