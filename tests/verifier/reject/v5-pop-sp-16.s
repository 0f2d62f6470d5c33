# expect: V5 writes-rsp
# why: a 16-bit pop into %sp
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x66,0x5c	# popw %sp
	.bundle_unlock
	int3
