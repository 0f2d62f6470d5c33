# expect: V1 segment-prefixes
# why: %gs then %fs: the last prefix (fs, the host TLS) wins on real CPUs
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x65,0x64,0x67,0x8b,0x00	# gs fs mov (%eax),%eax
	.bundle_unlock
	int3
