# expect: V4 writes-r14
# why: xchg with %r14 through the one-byte 90+r opcode
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x49,0x96	# xchg %rax, %r14 (90+r form)
	.bundle_unlock
	int3
