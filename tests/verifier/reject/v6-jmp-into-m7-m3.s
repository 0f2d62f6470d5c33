# expect: V6 branch-target
# why: a jump to the M3 inside an M7 is into the interior of the M7
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	ldmxcsr 8(%rsp)
2:
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
