# accept: cld alone is harmless
	.text
	.bundle_align_mode 5
	cld
	cld
	int3
