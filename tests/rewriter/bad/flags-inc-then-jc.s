# expect-line: 6
# inc writes ZF SF OF.. but not CF: jc reads cmp's CF after inc changed
# the other flags (testb's ZF would be gone)
	.text
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	incq	%rax
	jc	1f
	ret
1:	ret
