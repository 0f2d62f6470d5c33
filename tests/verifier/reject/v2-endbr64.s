# expect: V2 isa-set
# why: CET is not in the allowlist (host code leaking into the sandbox)
	.text
	.bundle_align_mode 5
	endbr64
	int3
