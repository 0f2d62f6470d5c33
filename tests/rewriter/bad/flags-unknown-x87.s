# expect-line: 6
# an x87 mnemonic that flags.c does not list is unknown (reads and
# writes every flag), not neutral
	.text
f:
	movq	%rbx, %rsp
	fnsetpm
	setl	%al
	ret
