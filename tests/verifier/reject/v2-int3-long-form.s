# expect: V2 forbidden
# why: cd 03 is int N, not the allowed one-byte int3
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0xcd, 0x03	# int $3 (gas would emit cc)
	.bundle_unlock
	int3
