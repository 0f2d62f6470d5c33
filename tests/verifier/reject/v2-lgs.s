# expect: V2 forbidden
# why: far pointer load into %gs
	.text
	.bundle_align_mode 5
	lgs %gs:(%eax), %ecx
	int3
