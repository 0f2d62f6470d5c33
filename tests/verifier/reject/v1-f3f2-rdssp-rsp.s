# expect: V1 rep-prefixes
# why: f3 f2 48 0f 1e cc: Zydis takes the last of f2/f3 and decodes a hint
# why: NOP (`nop %rcx, %rsp`); a CPU that gives f3 priority (or first-wins)
# why: decodes rdsspq %rsp, which with user shadow stacks enabled loads the
# why: host shadow-stack pointer into %rsp (V5). More than one f2/f3 prefix
# why: is unpredictable per the SDM and should be rejected like 2 segment prefixes.
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0xf3,0xf2,0x48,0x0f,0x1e,0xcc	# rep repne nop %rcx,%rsp / rdsspq %rsp
	.bundle_unlock
	int3
