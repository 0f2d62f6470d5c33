# expect: V7 string-op
# why: an unmasked load through %rsi
	.text
	.bundle_align_mode 5
	lodsb
	int3
