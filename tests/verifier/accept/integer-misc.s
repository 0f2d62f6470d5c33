# accept: assorted base integer instructions
	.text
	.bundle_align_mode 5
	imulq %rcx, %rax
	imull $12, %edx, %esi
	divq %rcx
	idivl %gs:(%ebx)
	cqto
	cltq
	cwtl
	bswap %rax
	bswapl %r11d
	xchgq %rax, %rbx
	xaddq %rax, %rbx
	cmpxchgq %rcx, %rbx
	sete %al
	shldq $3, %rax, %rdx
	rorl %cl, %eax
	rclq $1, %rbx
	movzwl %gs:(%esi), %eax
	movslq %gs:(%edi,%ecx,4), %rax
	btl $5, %gs:(%ecx)
	btsq $63, 8(%rsp)
	btq %rax, %rcx
	btcl %edx, %esi
	bsfq %rax, %rcx
	bsrl %gs:(%eax), %edx
	negq %rdx
	notl %eax
	adcq $0, %rax
	sbbl %eax, %eax
	mulq 8(%rsp)
	cmovzq %gs:(%eax), %rcx
	cmovbel 8(%rsp), %edx
	int3
