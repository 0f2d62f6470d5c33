# expect: V6 indirect-branch
# why: the return address is the M3 itself, not its end
	.text
	.bundle_align_mode 5
	.bundle_lock
0:
	leaq 0b(%rip), %r11
	jmpq *0(%r14)
	.bundle_unlock
