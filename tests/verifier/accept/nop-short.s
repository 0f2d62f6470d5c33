# accept: one- and two-byte NOPs
	.text
	.bundle_align_mode 5
	nop
	xchg %ax, %ax
	nop
	.bundle_lock
	.byte 0x66,0x66,0x90
	.bundle_unlock
	int3
