# expect-line: 5
# rcl reads CF
	.text
	cmpq	%rsi, %rdi
	movq	%rbx, %rsp
	rclq	$1, %rax
	ret
