# expect: V2 isa-set
# why: VMX is not in the allowlist
	.text
	.bundle_align_mode 5
	vmcall
	int3
