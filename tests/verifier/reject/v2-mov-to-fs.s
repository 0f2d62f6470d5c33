# expect: V2 forbidden
# why: loading %fs destroys the host TLS
	.text
	.bundle_align_mode 5
	movw %ax, %fs
	int3
