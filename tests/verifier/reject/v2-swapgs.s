# expect: V2 forbidden
# why: privileged: swaps the %gs base
	.text
	.bundle_align_mode 5
	swapgs
	int3
