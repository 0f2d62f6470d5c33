# expect: V2 forbidden
# why: segment-register load via pop
	.text
	.bundle_align_mode 5
	popq %fs
	int3
