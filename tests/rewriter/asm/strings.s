# string instructions (M5) and a backwards copy (M6)
	.text
	.globl	strs
	.type	strs, @function
strs:
	rep stosq
	rep movsb
	movsq
	lodsb
	repne scasb
	repe cmpsb
	stosl
	std
	rep movsb
	cld
	movsd	(%rax), %xmm0		# SSE, not a string instruction
	movsd	%xmm1, 8(%rdi)
	cmpsd	$1, %xmm1, %xmm0
	ret
