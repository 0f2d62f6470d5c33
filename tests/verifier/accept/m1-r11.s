# accept: M1 on %r11 (the rewriter scratch register)
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
