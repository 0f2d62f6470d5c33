# expect: V5 writes-rsp
# why: pop %rsp through the 8f /0 encoding
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x8f,0xc4	# popq %rsp (8f /0 form)
	.bundle_unlock
	int3
