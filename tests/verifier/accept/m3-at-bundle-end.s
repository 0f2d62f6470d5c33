# accept: M3 ending at a bundle boundary (the return label is the next bundle)
	.text
	.bundle_align_mode 5
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax,%rax,1)
	nopl (%rax)
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *0(%r14)
1:
	.bundle_unlock
	int3
