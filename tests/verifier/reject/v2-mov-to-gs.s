# expect: V2 forbidden
# why: loading %gs moves the sandbox base
	.text
	.bundle_align_mode 5
	movl %eax, %gs
	int3
