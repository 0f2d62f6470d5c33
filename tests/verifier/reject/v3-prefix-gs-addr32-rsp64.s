# expect: V3 memory-operand
# why: %gs: on (%rsp) without addr32
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x65,0x48,0x8b,0x04,0x24	# movq %gs:(%rsp), %rax
	.bundle_unlock
	int3
