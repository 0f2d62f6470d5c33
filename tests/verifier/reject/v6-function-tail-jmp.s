# expect: V6 indirect-branch
# why: a realistic tail call through an unmasked pointer
	.text
	.bundle_align_mode 5
	.globl f
	.type f, @function
	.p2align 5
f:
	movq %gs:(%edi), %rax
	jmp *%rax
