# expect: V2 forbidden
# why: a plain return jumps to an unmasked address from the stack
	.text
	.bundle_align_mode 5
	ret
	int3
