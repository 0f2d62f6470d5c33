# expect: V1 branch-osize
# why: 66 e3 rel8: jrcxz with an operand-size prefix
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x66,0xe3,0x00	# data16 jrcxz
	.bundle_unlock
	int3
	.bundle_unlock
