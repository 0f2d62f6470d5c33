# LFI-x64 setjmp (replaces musl's): saves %rbx %rbp %r12 %r13 %r15, the
# caller's %rsp and the return address. %r14 (the sandbox base) is never
# saved: slot 32 of musl's jmp_buf layout is left unused (zeroed).
# Comments are '#': lfi-rewrite does not accept C comments in .s input.
.global __setjmp
.global _setjmp
.global setjmp
.type __setjmp,@function
.type _setjmp,@function
.type setjmp,@function
__setjmp:
_setjmp:
setjmp:
	mov %rbx,(%rdi)
	mov %rbp,8(%rdi)
	mov %r12,16(%rdi)
	mov %r13,24(%rdi)
	movq $0,32(%rdi)
	mov %r15,40(%rdi)
	lea 8(%rsp),%rdx        # the caller's %rsp (without the return address)
	mov %rdx,48(%rdi)
	mov (%rsp),%rdx         # the return address becomes the new %rip
	mov %rdx,56(%rdi)
	xor %eax,%eax
	ret
