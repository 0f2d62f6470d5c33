# accept: non-executable sections may hold any bytes
	.text
	.bundle_align_mode 5
	movq tab(%rip), %rax
	int3
	.section .rodata
	tab: .byte 0x0f, 0x04, 0xc3, 0x0f, 0x05, 0xcd, 0x80
	.data
	.bundle_lock
	.byte 0xff, 0xe0, 0x66, 0xe9
	.bundle_unlock
	.section .note.junk, ""
	.bundle_lock
	.byte 0xf4, 0xfa, 0x9d
	.bundle_unlock
