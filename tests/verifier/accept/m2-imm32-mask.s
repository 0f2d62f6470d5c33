# accept: M2 with the imm32 andl form
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x41,0x81,0xe3,0xe0,0xff,0xff,0xff	# andl $0xffffffe0, %r11d (imm32 form)
	.bundle_unlock
	orq %r14, %r11
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	callq *%r11
	.bundle_unlock
