# expect: V4 writes-r14
# why: inc writes %r14
	.text
	.bundle_align_mode 5
	incq %r14
	int3
