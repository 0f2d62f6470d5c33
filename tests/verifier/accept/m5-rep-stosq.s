# accept: M5 with rep stosq
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	rep stosq
	.bundle_unlock
	int3
