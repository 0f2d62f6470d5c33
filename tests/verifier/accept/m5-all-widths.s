# accept: M5 with every width of every string instruction
	.text
	.bundle_align_mode 5
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosb
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosw
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosl
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	stosq
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	lodsb
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	lodsw
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	lodsl
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	lodsq
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	scasb
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	scasw
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	scasl
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	scasq
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movsb
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movsw
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movsl
	.bundle_unlock
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movsq
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	cmpsb
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	cmpsw
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	cmpsl
	.bundle_unlock
	.bundle_lock
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	cmpsq
	.bundle_unlock
	int3
