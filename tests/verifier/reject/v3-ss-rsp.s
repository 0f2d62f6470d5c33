# expect: V3 memory-operand
# why: S form allows no segment override, even %ss
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x36,0x48,0x8b,0x44,0x24,0x08	# movq %ss:8(%rsp), %rax (gas drops the prefix)
	.bundle_unlock
	int3
