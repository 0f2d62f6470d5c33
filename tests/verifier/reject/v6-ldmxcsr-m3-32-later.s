# expect: V6 fp-control
# why: a runtime call 32 later does not cover the write
	.text
	.bundle_align_mode 5
	ldmxcsr 8(%rsp)
	addl $1, %eax
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	int3
