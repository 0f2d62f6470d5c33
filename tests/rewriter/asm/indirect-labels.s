# Labels that can be reached by an indirect branch must be bundle-aligned:
# numeric labels whose address is taken (lea, $imm, data; `1b`/`1f` mean
# one particular definition of a redefined label), ifunc resolvers, and
# global labels without a .type (hand-written entry points). Others not.
# expect-aligned: entry 1#2 2#1 3#1 4#2 resolver weakentry typedfunc
# expect-unaligned: 1#1 3#2 4#1 local_untyped data_global 2#2
	.text
	.globl	entry
entry:
	nop
1:	nop
1:	leaq	1b(%rip), %rax
	nop
	movl	$2f, %ecx
	nop
2:	nop
	leaq	3f(%rip), %rdx
3:	nop
3:	nop
4:	nop
4:	nop
local_untyped:
	nop
2:	ret

	.type	resolver, @gnu_indirect_function
	.globl	resolver
resolver:
	leaq	entry(%rip), %rax
	ret

	.weak	weakentry
weakentry:
	ret

	.type	typedfunc, %function
typedfunc:
	ret

	.section .rodata
	.quad	4b

	.data
	.globl	data_global
data_global:
	.long	1
