# expect: V1 branch-osize
# why: 66 e8 rel32: AMD decodes a 4-byte call rel16
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x66,0xe8,0x00,0x00,0x00,0x00	# data16 call rel32
	.bundle_unlock
	int3
	.bundle_unlock
