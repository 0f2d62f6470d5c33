# LFI-x64 longjmp (replaces musl's): restores %rbx %rbp %r12 %r13 %r15 and
# %rsp, never %r14 (the sandbox base; musl's version reloads it from the
# jmp_buf). lfi-rewrite turns the %rsp load into M4 and the jump into M1,
# so a forged jmp_buf cannot leave the sandbox.
.global _longjmp
.global longjmp
.type _longjmp,@function
.type longjmp,@function
_longjmp:
longjmp:
	xor %eax,%eax
	cmp $1,%esi             # CF = val ? 0 : 1
	adc %esi,%eax           # eax = val + !val
	mov (%rdi),%rbx
	mov 8(%rdi),%rbp
	mov 16(%rdi),%r12
	mov 24(%rdi),%r13
	mov 40(%rdi),%r15
	mov 48(%rdi),%rsp
	jmp *56(%rdi)
