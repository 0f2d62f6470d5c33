# expect: V1 branch-osize
# why: 66 eb rel8: same length, but AMD truncates the target to 16 bits
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x66,0xeb,0x00	# data16 jmp rel8
	.bundle_unlock
	int3
	.bundle_unlock
