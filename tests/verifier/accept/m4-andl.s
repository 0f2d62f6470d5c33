# accept: M4: andl $i,%esp (stack realignment)
	.text
	.bundle_align_mode 5
	.bundle_lock
	andl $-16, %esp
	orq %r14, %rsp
	.bundle_unlock
	.bundle_lock
	andl $-64, %esp
	addq %r14, %rsp
	.bundle_unlock
	int3
