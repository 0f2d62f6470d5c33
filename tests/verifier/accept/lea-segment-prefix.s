# accept: lea with a (meaningless) segment override still accesses no memory
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0x64,0x48,0x8d,0x48,0x08	# leaq %fs:8(%rax), %rcx
	.bundle_unlock
	.bundle_lock
	.byte 0x65,0x48,0x8d,0x08	# leaq %gs:(%rax), %rcx
	.bundle_unlock
	int3
