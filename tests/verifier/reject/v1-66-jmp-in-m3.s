# expect: V1 branch-osize
# why: 66 41 ff 66 08 as the jmp of an M3: a 16-bit memory-indirect jump on AMD
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	.bundle_lock
	.byte 0x66,0x41,0xff,0x66,0x08	# data16 jmpq *8(%r14)
	.bundle_unlock
1:
	.bundle_unlock
