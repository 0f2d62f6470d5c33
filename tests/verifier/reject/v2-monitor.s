# expect: V2 isa-set
# why: MONITOR is not in the allowlist (implicit access at [%rax])
	.text
	.bundle_align_mode 5
	monitor
	int3
