# expect: V1 undecodable
# why: jmpf ptr16:32 (ea) is invalid in 64-bit mode
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0xea, 0, 0, 0, 0, 0, 0
	.bundle_unlock
	int3
