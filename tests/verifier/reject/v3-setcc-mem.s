# expect: V3 memory-operand
# why: setcc store to a raw pointer
	.text
	.bundle_align_mode 5
	sete (%rdx)
	int3
