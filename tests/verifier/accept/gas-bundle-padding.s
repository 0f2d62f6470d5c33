# accept: odd-sized instructions make gas insert bundle padding NOPs
	.text
	.bundle_align_mode 5
	movabsq $0x1122334455667788, %rax
	movl $1, %gs:0x10(%eax,%ecx,4)
	vfmadd231ps %gs:0x100(%eax,%ecx,4), %ymm1, %ymm2
	movabsq $0x1122334455667788, %rax
	movl $1, %gs:0x10(%eax,%ecx,4)
	vfmadd231ps %gs:0x100(%eax,%ecx,4), %ymm1, %ymm2
	movabsq $0x1122334455667788, %rax
	movl $1, %gs:0x10(%eax,%ecx,4)
	vfmadd231ps %gs:0x100(%eax,%ecx,4), %ymm1, %ymm2
	movabsq $0x1122334455667788, %rax
	movl $1, %gs:0x10(%eax,%ecx,4)
	vfmadd231ps %gs:0x100(%eax,%ecx,4), %ymm1, %ymm2
	movabsq $0x1122334455667788, %rax
	movl $1, %gs:0x10(%eax,%ecx,4)
	vfmadd231ps %gs:0x100(%eax,%ecx,4), %ymm1, %ymm2
	movabsq $0x1122334455667788, %rax
	movl $1, %gs:0x10(%eax,%ecx,4)
	vfmadd231ps %gs:0x100(%eax,%ecx,4), %ymm1, %ymm2
	int3
