# expect: V6 indirect-branch
# why: M3 is a jmp, not a call (the call would push a return address)
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	callq *8(%r14)
1:
	.bundle_unlock
