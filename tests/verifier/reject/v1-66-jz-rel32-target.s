# expect: V1 branch-osize
# why: data16 jz rel32 whose Intel target is valid: only the AMD decoding differs
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x66,0x0f,0x84,0x02,0x00,0x00,0x00	# data16 jz .+9
	.bundle_unlock
	nop
	nop
	int3
	.bundle_unlock
