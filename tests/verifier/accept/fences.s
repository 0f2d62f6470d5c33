# accept: memory fences
	.text
	.bundle_align_mode 5
	mfence
	lfence
	sfence
	int3
