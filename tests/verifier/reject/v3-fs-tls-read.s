# expect: V3 memory-operand
# why: an unrewritten thread-pointer read reads host TLS
	.text
	.bundle_align_mode 5
	movq %fs:0, %rax
	int3
