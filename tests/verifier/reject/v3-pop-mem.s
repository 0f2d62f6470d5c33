# expect: V3 memory-operand
# why: pop into an unsandboxed address
	.text
	.bundle_align_mode 5
	popq (%rax)
	int3
