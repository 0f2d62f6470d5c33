# expect: V2 forbidden
# why: string port output reads [%rsi]
	.text
	.bundle_align_mode 5
	outsb %ds:(%rsi), (%dx)
	int3
