# expect: V6 indirect-branch
# why: an arbitrary return address in %r11
	.text
	.bundle_align_mode 5
	.bundle_lock
	movq %rcx, %r11
	jmpq *0(%r14)
	.bundle_unlock
