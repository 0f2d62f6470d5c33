# syntax: several statements per line, comments, strings with ; and #,
# labels before instructions, numeric local labels
	.text
	.globl	syn
	.type	syn, @function
syn:	movl $1, %eax; movl $2, %ecx	# two statements
1:	decl %ecx ; jnz 1b
	jmp 2f
2:	ret
	.section .rodata
	.string "a;b#c\"d"
	.ascii	"x", "y"
	.text
	rep
	stosq
	rep; movsb
	lock
	incl	(%rax)
