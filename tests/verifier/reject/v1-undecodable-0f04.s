# expect: V1 undecodable
# why: 0f 04 is not an instruction
	.text
	.bundle_align_mode 5
	nop
	.bundle_lock
	.byte 0x0f, 0x04
	.bundle_unlock
	int3
