# expect: V2 forbidden
# why: sysenter enters the kernel directly
	.text
	.bundle_align_mode 5
	sysenter
	int3
