# expect: V2 forbidden
# why: string port input writes [%rdi] without masking
	.text
	.bundle_align_mode 5
	insb (%dx), %es:(%rdi)
	int3
