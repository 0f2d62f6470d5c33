# expect: V7 string-op
# why: an unmasked compare through %rsi and %rdi
	.text
	.bundle_align_mode 5
	repe cmpsb
	int3
