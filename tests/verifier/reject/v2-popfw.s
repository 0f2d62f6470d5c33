# expect: V2 forbidden
# why: popf with a 16-bit operand size
	.text
	.bundle_align_mode 5
	popfw
	int3
