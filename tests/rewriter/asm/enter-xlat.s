# enter $N, $0 becomes push/mov and an M4 subtraction; xlat (implicit
# load from %rbx + %al) becomes the same load in G form through %r11d.
# expect: pushq %rbp | movq %rsp,%rbp | .bundle_lock | subl $24,%esp | orq %r14,%rsp | .bundle_unlock
# expect: movzbl %al,%r11d | movb %gs:(%ebx,%r11d),%al | movzbl %al,%r11d | movb %gs:(%ebx,%r11d),%al
	.text
	.globl	frame
	.type	frame, @function
frame:
	enter	$24, $0
	movq	%rdi, -8(%rbp)
	leave
	ret
	.globl	table
	.type	table, @function
table:
	movzbl	%dil, %eax
	xlat
	xlatb	(%rbx)
	ret
