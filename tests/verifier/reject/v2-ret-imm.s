# expect: V2 forbidden
# why: ret imm16 is also an unmasked return
	.text
	.bundle_align_mode 5
	ret $8
	int3
