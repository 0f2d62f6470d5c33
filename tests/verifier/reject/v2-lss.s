# expect: V2 forbidden
# why: far pointer load into %ss
	.text
	.bundle_align_mode 5
	lss %gs:(%eax), %eax
	int3
