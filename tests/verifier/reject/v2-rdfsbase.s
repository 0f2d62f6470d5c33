# expect: V2 isa-set
# why: reads the host %fs base (host TLS pointer leak)
	.text
	.bundle_align_mode 5
	rdfsbase %rax
	int3
