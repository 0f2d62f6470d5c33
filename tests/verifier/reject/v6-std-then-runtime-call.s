# expect: V6 std
# why: std before a runtime call enters the host with DF set
	.text
	.bundle_align_mode 5
	std
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *0(%r14)
1:
	.bundle_unlock
	int3
