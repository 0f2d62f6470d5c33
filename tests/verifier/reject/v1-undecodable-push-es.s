# expect: V1 undecodable
# why: push %es (06) is invalid in 64-bit mode
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x06
	.bundle_unlock
	int3
