# accept: multi-byte NOPs (0f 1f /0) with any memory operand and prefixes
	.text
	.bundle_align_mode 5
	nopl (%rax)
	nopw 0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 8(%r14)
	nopl (%rsp,%rax,8)
	nopl 0x12345678
	nopw %fs:(%rax)
	.bundle_lock
	.byte 0x66,0x66,0x2e,0x0f,0x1f,0x84,0,0,0,0,0	# data16 data16 cs nopw
	.bundle_unlock
	.bundle_lock
	.byte 0x67,0x0f,0x1f,0x00	# addr32 nopl (%eax)
	.bundle_unlock
	.bundle_lock
	.byte 0x0f,0x1f,0x05,0,0,0,0	# nopl 0(%rip)
	.bundle_unlock
	int3
