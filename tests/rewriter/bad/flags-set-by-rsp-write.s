# expect-line: 5
# the flags of add/sub/and on %rsp are those of a 64-bit operation, M4's
# are not
	.text
	subq	%rax, %rsp
	jb	1f
	ret
1:	ret
