# expect: V2 forbidden
# why: maskmovdqu writes [%rdi], a hidden operand
	.text
	.bundle_align_mode 5
	maskmovdqu %xmm1, %xmm0
	int3
