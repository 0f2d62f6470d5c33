# expect: V1 rep-prefixes
# why: the f3 f2 0f 1e /1 "hint NOP" is accepted as M2 padding between the
# why: rebase and callq *%rax; read as rdsspq %rax it replaces the masked
# why: target with the host's shadow-stack pointer (call outside the sandbox)
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	.byte 0xf3,0xf2,0x48,0x0f,0x1e,0xc8	# "nop %rcx,%rax" / rdsspq %rax
	callq *%rax
	.bundle_unlock
