# indirect branches (M1/M2 and memory forms), direct calls, and labels
# that must be aligned: functions, jump-table entries, lea'd labels
	.text
	.globl	br
	.type	br, @function
br:
	call	helper
	call	*%rax
	call	*%rbx
	call	*%r12
	call	*8(%rdi)
	call	*(%rsp)
	call	*ext@GOTPCREL(%rip)
	callq	*.Ltab(,%rax,8)
	leaq	.Ltarget(%rip), %rcx
	movq	$.Lcase2, %rdx
	jmp	*%rcx
	jmp	*(%rdx,%rsi,8)
	notrack jmp *%r9
.Lcase1:
	nop
.Lcase2:
	nop
.Ltarget:
	jmp	helper
	.type	helper, @function
helper:
	ret
	.section .rodata
.Ltab:
	.quad	.Lcase1
	.quad	.Lcase2
	.long	.Lcase1-.Ltab
	.text
	.globl	second
	.type	second, @function
second:
	xorl	%eax, %eax
	ret
