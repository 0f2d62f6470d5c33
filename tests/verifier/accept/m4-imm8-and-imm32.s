# accept: M4 addl/subl with imm8 and imm32 encodings
	.text
	.bundle_align_mode 5
	.bundle_lock
	subl $8, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	{disp32} subl $8, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	.bundle_lock
	.byte 0x81,0xec,0x08,0x00,0x00,0x00	# subl $8, %esp (imm32 form)
	.bundle_unlock
	orq %r14, %rsp
	.bundle_unlock
	int3
