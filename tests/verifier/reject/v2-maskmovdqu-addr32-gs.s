# expect: V2 forbidden
# why: maskmovdqu is denylisted even with G-form prefixes
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x65,0x67,0x66,0x0f,0xf7,0xc1	# maskmovdqu %xmm1,%xmm0 with %gs: and addr32
	.bundle_unlock
	int3
