# accept: M1 whose orq uses the 0b opcode (or %r14,%rax written as a load form)
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	{load} orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
