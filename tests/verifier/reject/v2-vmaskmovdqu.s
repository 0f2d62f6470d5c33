# expect: V2 forbidden
# why: vmaskmovdqu writes [%rdi], a hidden operand
	.text
	.bundle_align_mode 5
	vmaskmovdqu %xmm1, %xmm0
	int3
