# expect: V1 branch-osize
# why: 66 74 rel8: a 16-bit jz on AMD
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x66,0x74,0x00	# data16 jz rel8
	.bundle_unlock
	int3
	.bundle_unlock
