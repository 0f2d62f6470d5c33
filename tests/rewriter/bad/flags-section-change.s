# expect-line: 5
# falls through into a section change: the successor is out of sight
	.text
	cmpq	%rsi, %rdi
	leave
	.section .text.other,"ax",@progbits
	setl	%al
	ret
