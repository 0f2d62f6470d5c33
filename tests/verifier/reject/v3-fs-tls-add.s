# expect: V3 memory-operand
# why: TLS-descriptor style add %fs:0 (toolchain-notes item 4)
	.text
	.bundle_align_mode 5
	addq %fs:0, %rax
	int3
