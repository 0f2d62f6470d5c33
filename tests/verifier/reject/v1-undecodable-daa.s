# expect: V1 undecodable
# why: daa (27) is invalid in 64-bit mode
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x27
	.bundle_unlock
	int3
