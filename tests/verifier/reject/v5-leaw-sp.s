# expect: V5 writes-rsp
# why: a 16-bit lea into %sp
	.text
	.bundle_align_mode 5
	leaw (%rax), %sp
	int3
