# expect: V6 branch-target
# why: a jump to the callq of an M2 skips the mask
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	nopw %cs:0x100(%rax,%rax,1)
2:
	callq *%r11
	.bundle_unlock
