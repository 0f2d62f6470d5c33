# expect: V7 string-op
# why: %fs: on the lods source reads host TLS
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	lodsb %fs:(%rsi), %al
	.bundle_unlock
	int3
