# expect: V1 branch-osize
# why: 66 ff e0 inside an otherwise correct M1: AMD jumps to %ax (16-bit target)
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	.bundle_lock
	.byte 0x66,0xff,0xe0	# data16 jmp *%rax
	.bundle_unlock
	.bundle_unlock
