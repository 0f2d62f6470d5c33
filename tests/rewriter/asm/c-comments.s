/* C comments, as GNU as takes them and musl's .s files use them:
   on their own lines, across lines, and after an instruction. */
	.text
	.globl f
	.type f,@function
f:	/* a label, then a comment */
	movq %rdi, %rax	/* after an instruction */
	/* one */ addq $1, %rax /* two */
	.section .rodata
	.string "not /* a comment */ here" # nor /* here
	.text
	ret
