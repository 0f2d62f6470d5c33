# expect: V6 std
# why: std immediately followed by cld is not an M6
	.text
	.bundle_align_mode 5
	.bundle_lock
	std
	cld
	.bundle_unlock
	int3
