# expect: V2 isa-set
# why: xrstor can load PKRU
	.text
	.bundle_align_mode 5
	xrstor %gs:(%eax)
	int3
