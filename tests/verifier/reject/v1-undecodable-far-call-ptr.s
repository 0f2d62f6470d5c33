# expect: V1 undecodable
# why: callf ptr16:32 (9a) is invalid in 64-bit mode
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x9a, 0, 0, 0, 0, 0, 0
	.bundle_unlock
	int3
