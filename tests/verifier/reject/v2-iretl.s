# expect: V2 forbidden
# why: interrupt return (32-bit operand size)
	.text
	.bundle_align_mode 5
	iretl
	int3
