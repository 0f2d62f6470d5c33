# expect: V1 segment-prefixes
# why: V1 applies to every instruction: a multi-byte NOP with two segment prefixes
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x2e,0x65,0x0f,0x1f,0x00	# cs gs nopl (%rax)
	.bundle_unlock
	int3
