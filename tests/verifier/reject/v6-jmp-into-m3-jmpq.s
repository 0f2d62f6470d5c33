# expect: V6 branch-target
# why: a jump to the jmpq of an M3 enters the runtime with an arbitrary %r11
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	leaq 1f(%rip), %r11
2:
	jmpq *0(%r14)
1:
	.bundle_unlock
