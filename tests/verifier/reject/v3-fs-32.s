# expect: V3 memory-operand
# why: %fs with addr32 is still the host TLS
	.text
	.bundle_align_mode 5
	movq %fs:(%eax), %rcx
	int3
