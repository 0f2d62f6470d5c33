# expect: V6 branch-target
# why: a jump to the jmpq of an M7
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	fninit
	leaq 1f(%rip), %r11
2:
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
