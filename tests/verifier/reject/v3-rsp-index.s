# expect: V3 memory-operand
# why: an index on %rsp escapes the stack
	.text
	.bundle_align_mode 5
	movq (%rsp,%rax), %rcx
	int3
