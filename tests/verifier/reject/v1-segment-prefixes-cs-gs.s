# expect: V1 segment-prefixes
# why: a %cs and a %gs prefix: decoders disagree which wins
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x2e,0x65,0x67,0x8b,0x00	# cs gs mov (%eax),%eax
	.bundle_unlock
	int3
