# expect: V1 segment-prefixes
# why: two %gs prefixes on an otherwise G-form load
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x65,0x65,0x67,0x8b,0x00	# gs gs mov (%eax),%eax
	.bundle_unlock
	int3
