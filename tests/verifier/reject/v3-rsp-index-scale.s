# expect: V3 memory-operand
# why: an index on %rsp escapes the stack
	.text
	.bundle_align_mode 5
	movl %ecx, 8(%rsp,%rax,8)
	int3
