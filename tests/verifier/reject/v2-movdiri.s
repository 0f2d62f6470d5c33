# expect: V2 isa-set
# why: MOVDIR is not in the allowlist
	.text
	.bundle_align_mode 5
	movdiri %eax, %gs:(%ecx)
	int3
