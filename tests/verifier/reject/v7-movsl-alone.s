# expect: V7 string-op
# why: an unmasked movs
	.text
	.bundle_align_mode 5
	movsl
	int3
