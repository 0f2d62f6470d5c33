# expect: V1 rep-prefixes
# why: f3 f2 49 0f 1e ce: Zydis `nop %rcx, %r14`; f3-priority decode is
# why: rdsspq %r14 (V4) - one of f2/f3 must be rejected when both appear
	.text
	.bundle_align_mode 5
	.bundle_lock
	.byte 0xf3,0xf2,0x49,0x0f,0x1e,0xce
	.bundle_unlock
	int3
