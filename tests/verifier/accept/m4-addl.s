# accept: M4: addl $i,%esp (imm8 and imm32)
	.text
	.bundle_align_mode 5
	.bundle_lock
	addl $64, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	addl $4096, %esp
	addq %r14, %rsp
	.bundle_unlock
	int3
