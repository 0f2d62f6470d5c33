# expect: V2 forbidden
# why: int $0x80 is the 32-bit system call gate
	.text
	.bundle_align_mode 5
	int $0x80
	int3
