# accept: allowed traps: int3, ud2, hlt
	.text
	.bundle_align_mode 5
	int3
	ud2
	hlt
	int3
