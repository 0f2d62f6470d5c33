# expect: V2 forbidden
# why: far pointer load into %fs
	.text
	.bundle_align_mode 5
	lfs %gs:(%eax), %eax
	int3
