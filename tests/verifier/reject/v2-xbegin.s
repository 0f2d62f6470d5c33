# expect: V2 isa-set
# why: RTM transactions (xbegin is also a hidden branch)
	.text
	.bundle_align_mode 5
	xbegin 1f
1:
	int3
