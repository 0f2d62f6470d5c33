# expect: V2 isa-set
# why: the xsave family is forbidden
	.text
	.bundle_align_mode 5
	xsaveopt %gs:(%eax)
	int3
