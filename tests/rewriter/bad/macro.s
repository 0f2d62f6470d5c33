# expect-line: 4
# a macro's uses would be assembled without being rewritten
	.data
	.macro	unsafe
	movq	%rax, (%rdi)
	.endm
	.text
	unsafe
	ret
