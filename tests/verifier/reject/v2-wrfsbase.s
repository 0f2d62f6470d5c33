# expect: V2 isa-set
# why: overwrites the host %fs base
	.text
	.bundle_align_mode 5
	wrfsbase %rax
	int3
