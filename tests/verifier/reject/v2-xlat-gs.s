# expect: V2 forbidden
# why: xlat is denylisted even when its hidden operand looks like G form
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x65,0x67,0xd7	# xlat %gs:(%ebx)
	.bundle_unlock
	int3
