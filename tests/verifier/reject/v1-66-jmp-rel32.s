# expect: V1 branch-osize
# why: 66 e9 rel32: AMD decodes a 4-byte jmp rel16 and truncates %rip to 16 bits
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x66,0xe9,0x00,0x00,0x00,0x00	# data16 jmp rel32
	.bundle_unlock
	int3
	.bundle_unlock
