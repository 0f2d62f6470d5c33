# expect: V2 forbidden
# why: port I/O
	.text
	.bundle_align_mode 5
	outb %al, $0x80
	int3
