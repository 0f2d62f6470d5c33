# `name = expr` and `name == expr` are directives (.set, .eqv), passed
# through as they are.
# expect: .text | size = 24 | limit==4
# expect: movl $size,%eax | addl $limit,%eax
	.text
size = 24
limit==4
	.globl	f
	.type	f, @function
f:
	movl	$size, %eax
	addl	$limit, %eax
	ret
