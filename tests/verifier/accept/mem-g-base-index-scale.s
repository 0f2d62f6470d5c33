# accept: G form with base, index, scale and displacement
	.text
	.bundle_align_mode 5
	movl %gs:16(%ebx,%ecx,4), %edx
	movq %gs:-8(%r9d,%r10d,8), %r11
	movzbl %gs:0x7fffffff(%eax,%edx,1), %eax
	movsbq %gs:-0x80000000(%edi,%esi,2), %rcx
	int3
