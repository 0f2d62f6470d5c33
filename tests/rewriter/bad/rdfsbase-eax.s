# expect-line: 4
# only wrfsbase %rdi and rdfsbase of a 64-bit register have an input form
	.text
	rdfsbase %eax
