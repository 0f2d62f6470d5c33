# expect: V3 memory-operand
# why: push from an unsandboxed address
	.text
	.bundle_align_mode 5
	pushq (%rax)
	int3
