# accept: push and pop of registers, immediates and G/S memory
	.text
	.bundle_align_mode 5
	pushq %rax
	popq %rcx
	pushq $1
	pushq $0x12345
	pushq %gs:(%eax)
	popq %gs:8(%ebx)
	pushq 8(%rsp)
	popq 16(%rsp)
	pushq %r14
	popq %r11
	pushw %ax
	popw %dx
	pushfq
	popq %rax
	int3
