# expect: V5 writes-rsp
# why: inc writes %rsp
	.text
	.bundle_align_mode 5
	incq %rsp
	int3
