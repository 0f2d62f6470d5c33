# expect: V1 branch-osize
# why: 66 ff d0 inside an otherwise correct M2: AMD calls %ax
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	.bundle_lock
	.byte 0x66,0xff,0xd0	# data16 call *%rax
	.bundle_unlock
	.bundle_unlock
