# accept: G form with neither base nor index (addr32 absolute inside the sandbox)
	.text
	.bundle_align_mode 5
	addr32 movl %gs:0x1000, %eax
	addr32 movq %rcx, %gs:0xfffffff0
	int3
