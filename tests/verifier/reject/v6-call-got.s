# expect: V6 indirect-branch
# why: a -fno-plt GOT call left unrewritten
	.text
	.bundle_align_mode 5
	call *ext@GOTPCREL(%rip)
	int3
