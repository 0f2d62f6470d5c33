# accept: R form: d(%rip), PIC data accesses
	.text
	.bundle_align_mode 5
	movq var(%rip), %rax
	movl %eax, var+8(%rip)
	cmpb $0, var+3(%rip)
	movsd cst(%rip), %xmm0
	addq $1, counter(%rip)
	movq extern_var@GOTPCREL(%rip), %rcx
	int3
	.data
	var: .quad 0, 0
	counter: .quad 0
	.section .rodata
	cst: .double 1.5
