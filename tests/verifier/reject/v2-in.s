# expect: V2 forbidden
# why: port I/O
	.text
	.bundle_align_mode 5
	inb $0x80, %al
	int3
