# expect: V2 isa-set
# why: WAITPKG is not in the allowlist
	.text
	.bundle_align_mode 5
	umwait %eax
	int3
