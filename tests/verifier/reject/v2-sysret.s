# expect: V2 forbidden
# why: privileged return to user mode
	.text
	.bundle_align_mode 5
	sysretq
	int3
