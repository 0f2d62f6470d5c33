# expect-line: 6
# expect-message: are read by an instruction that is not jCC/setCC/cmovCC at line 7 (adcq $0, %rax): movq %rbx, %rsp
# adc reads CF: not a jCC/setCC/cmovCC
	.text
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	adcq	$0, %rax
	ret
