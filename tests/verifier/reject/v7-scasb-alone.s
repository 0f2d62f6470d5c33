# expect: V7 string-op
# why: an unmasked scan through %rdi
	.text
	.bundle_align_mode 5
	repne scasb
	int3
