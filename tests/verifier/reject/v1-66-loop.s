# expect: V1 branch-osize
# why: 66 e2 rel8: loop with an operand-size prefix
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x66,0xe2,0x00	# data16 loop
	.bundle_unlock
	int3
	.bundle_unlock
