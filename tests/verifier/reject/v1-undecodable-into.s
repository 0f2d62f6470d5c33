# expect: V1 undecodable
# why: into (ce) is invalid in 64-bit mode
	.text
	.bundle_align_mode 5
	nop
	.bundle_lock
	.byte 0xce
	.bundle_unlock
	int3
