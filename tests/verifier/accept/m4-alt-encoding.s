# accept: M4 with the 8b/0b (load-form) encodings of movl and orq
	.text
	.bundle_align_mode 5
	.bundle_lock
	{load} movl %eax, %esp
	{load} orq %r14, %rsp
	.bundle_unlock
	int3
