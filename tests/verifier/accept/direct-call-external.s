# accept: calls and tail calls to undefined symbols (relocations) are not target-checked
	.text
	.bundle_align_mode 5
	.globl f
	.type f, @function
	.p2align 5
f:
	.bundle_lock
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax)
	call ext_function
	.bundle_unlock
	.bundle_lock
	nopw %cs:0x100(%rax,%rax,1)
	nopw %cs:0x100(%rax,%rax,1)
	nopl 0x100(%rax)
	call ext_other@PLT
	.bundle_unlock
	jmp ext_tail
	je ext_cond
