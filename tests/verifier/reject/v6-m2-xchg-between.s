# expect: V6 indirect-branch
# why: only NOPs may stand between mask and call: xchg %r11d,%r11d is not one
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	xchg %r11d, %r11d
	callq *%r11
	.bundle_unlock
