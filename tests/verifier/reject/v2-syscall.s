# expect: V2 forbidden
# why: a raw system call bypasses the runtime
	.text
	.bundle_align_mode 5
	syscall
	int3
