# expect: V5 writes-rsp
# why: stack pivot through the one-byte xchg opcode
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x48,0x94	# xchg %rax, %rsp (90+r form)
	.bundle_unlock
	int3
