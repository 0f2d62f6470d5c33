# expect: V2 forbidden
# why: far return pops %cs:%rip from the stack
	.text
	.bundle_align_mode 5
	lretq
	int3
