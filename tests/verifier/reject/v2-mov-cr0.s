# expect: V2 forbidden
# why: privileged control-register access
	.text
	.bundle_align_mode 5
	movq %cr0, %rax
	int3
