# accept: whole function: sum of an int array with %gs: addressing
	.text
	.bundle_align_mode 5
	.globl sum32
	.type sum32, @function
	.p2align 5
sum32:
# int sum32(const int *a, unsigned n)
	xorl %eax, %eax
	testl %esi, %esi
	je .Ldone
	xorl %ecx, %ecx
.Lloop:
	addl %gs:(%edi,%ecx,4), %eax
	incl %ecx
	cmpl %esi, %ecx
	jb .Lloop
.Ldone:
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
