# expect-line: 5
# adc reads CF: not a jCC/setCC/cmovCC
	.text
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	adcq	$0, %rax
	ret
