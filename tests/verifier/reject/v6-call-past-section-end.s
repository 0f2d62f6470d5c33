# expect: V6 branch-target
# why: a direct call beyond the end of the section
	.text
	.bundle_align_mode 5
	call .+0x1000
	int3
