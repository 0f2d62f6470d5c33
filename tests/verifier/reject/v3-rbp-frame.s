# expect: V3 memory-operand
# why: %rbp is not %rsp: only %rsp-relative is S form
	.text
	.bundle_align_mode 5
	movq -8(%rbp), %rax
	int3
