# expect: V1 segment-prefixes
# why: %fs then %gs: the verifier might look at the wrong one
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x64,0x65,0x67,0x8b,0x00	# fs gs mov (%eax),%eax
	.bundle_unlock
	int3
