# expect: V3 memory-operand
# why: cmpxchg16b on a raw pointer
	.text
	.bundle_align_mode 5
	lock cmpxchg16b (%rdi)
	int3
