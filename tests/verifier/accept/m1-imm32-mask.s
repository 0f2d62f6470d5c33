# accept: M1 with the 6-/7-byte imm32 form of the andl mask
	.text
	.bundle_align_mode 5
	.bundle_lock
	.bundle_lock
	.byte 0x81,0xe0,0xe0,0xff,0xff,0xff	# andl $0xffffffe0, %eax (imm32 form)
	.bundle_unlock
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
	.bundle_lock
	.bundle_lock
	.byte 0x41,0x81,0xe3,0xe0,0xff,0xff,0xff	# andl $0xffffffe0, %r11d (imm32 form)
	.bundle_unlock
	addq %r14, %r11
	jmpq *%r11
	.bundle_unlock
