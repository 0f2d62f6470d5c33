# accept: whole function: switch through a .rodata jump table dispatched by M1
	.text
	.bundle_align_mode 5
	.globl sw
	.type sw, @function
	.p2align 5
sw:
	cmpl $3, %edi
	ja .Ldefault
	movl %edi, %edi
	leaq .Ltab(%rip), %rcx
	movslq %gs:(%ecx,%edi,4), %rax
	addq %rcx, %rax
	.bundle_lock
	andl $-32, %eax
	orq %r14, %rax
	jmpq *%rax
	.bundle_unlock
	.p2align 5
.Lc0:
	movl $10, %eax
	jmp .Lout
	.p2align 5
.Lc1:
	movl $11, %eax
	jmp .Lout
	.p2align 5
.Lc2:
	movl $12, %eax
	jmp .Lout
	.p2align 5
.Lc3:
	movl $13, %eax
	jmp .Lout
.Ldefault:
	movl $-1, %eax
.Lout:
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.section .rodata
	.p2align 2
.Ltab:
	.long .Lc0-.Ltab
	.long .Lc1-.Ltab
	.long .Lc2-.Ltab
	.long .Lc3-.Ltab
