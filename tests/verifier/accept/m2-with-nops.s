# accept: M2 with multi-byte NOPs between mask and call, ending at a bundle end
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	nopw %cs:0x100(%rax,%rax,1)
	nopw 0x100(%rax,%rax,1)
	nopl (%rax)
	callq *%r11
	.bundle_unlock
