# expect: V7 string-op
# why: an unmasked store through %rdi
	.text
	.bundle_align_mode 5
	stosq
	int3
