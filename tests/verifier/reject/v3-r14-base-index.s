# expect: V3 memory-operand
# why: r14+rax with a 64-bit index is not bounded to 4 GiB
	.text
	.bundle_align_mode 5
	movl (%r14,%rax), %ecx
	int3
