# expect: V5 writes-rsp
# why: M4 subl takes only an immediate
	.text
	.bundle_align_mode 5
	.bundle_lock
	subl %eax, %esp
	orq %r14, %rsp
	.bundle_unlock
	int3
