# accept: whole function: CRC32C over bytes
	.text
	.bundle_align_mode 5
	.globl crc32c
	.type crc32c, @function
	.p2align 5
crc32c:
	movl %edi, %eax
	testl %edx, %edx
	je 2f
	xorl %ecx, %ecx
1:
	crc32b %gs:(%esi,%ecx,1), %eax
	incl %ecx
	cmpl %edx, %ecx
	jb 1b
2:
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
