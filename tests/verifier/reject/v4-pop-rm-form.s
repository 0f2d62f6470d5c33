# expect: V4 writes-r14
# why: pop into %r14 through the 8f /0 encoding
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x41,0x8f,0xc6	# popq %r14 (8f /0 form)
	.bundle_unlock
	int3
