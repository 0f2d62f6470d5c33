# expect: V6 branch-target
# why: a jump to the %rsi pair of a movs M5 skips the %rdi pair
	.text
	.bundle_align_mode 5
	jmp 2f
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
2:
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsb
	.bundle_unlock
	int3
