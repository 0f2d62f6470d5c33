# expect: V1 branch-osize
# why: 66 0f 84 rel32: Intel ignores 0x66 (7-byte jz), AMD executes a 5-byte jz rel16 -> different instruction stream
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x66,0x0f,0x84,0x00,0x00,0x00,0x00	# data16 jz rel32
	.bundle_unlock
	int3
	.bundle_unlock
