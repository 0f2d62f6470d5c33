# expect: V2 forbidden
# why: int1 raises a debug exception
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0xf1	# int1 / icebp
	.bundle_unlock
	int3
