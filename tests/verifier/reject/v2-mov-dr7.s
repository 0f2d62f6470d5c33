# expect: V2 forbidden
# why: privileged debug-register access
	.text
	.bundle_align_mode 5
	movq %rax, %db7
	int3
