# expect: V7 string-op
# why: an unmasked block copy
	.text
	.bundle_align_mode 5
	rep movsb
	int3
