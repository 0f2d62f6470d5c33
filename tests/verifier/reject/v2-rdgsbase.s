# expect: V2 isa-set
# why: reads the sandbox base through %gs
	.text
	.bundle_align_mode 5
	rdgsbase %rax
	int3
