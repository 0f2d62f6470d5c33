# accept: %r11 is an ordinary register for the verifier
	.text
	.bundle_align_mode 5
	popq %r11
	movq %gs:(%eax), %r11
	addq $1, %r11
	movq %r11, %gs:(%r11d)
	xorl %r11d, %r11d
	int3
