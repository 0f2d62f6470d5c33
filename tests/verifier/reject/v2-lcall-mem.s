# expect: V2 forbidden
# why: far indirect call
	.text
	.bundle_align_mode 5
	lcall *%gs:(%eax)
	int3
