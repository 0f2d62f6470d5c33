# expect: V2 isa-set
# why: clzero writes a cache line at [%rax] which Zydis lists as no memory operand
	.text
	.bundle_align_mode 5
	clzero
	int3
