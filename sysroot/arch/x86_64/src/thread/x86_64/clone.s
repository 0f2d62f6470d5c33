# LFI-x64 __clone(fn, stack, flags, arg, ptid, tls, ctid) (replaces musl's,
# which parks fn in %r11 — the rewriter's scratch, clobbered by runtime
# call 0). fn is parked in %rax until the arguments are shuffled, then in
# %r9 (kept by the child). The syscall becomes runtime call 0; the runtime
# must give the child its own host stack and treat CLONE_SETTLS (tls, %r8)
# as the child's sandbox thread pointer, not the host's %fs.
.text
.global __clone
.hidden __clone
.type   __clone,@function
__clone:
	mov %rdi,%rax           # fn
	mov %rdx,%rdi           # flags
	mov %r8,%rdx            # ptid
	mov %r9,%r8             # tls
	mov 8(%rsp),%r10        # ctid
	mov %rax,%r9            # fn
	and $-16,%rsi
	sub $8,%rsi
	mov %rcx,(%rsi)         # arg, popped by the child
	mov $56,%eax            # SYS_clone
	syscall
	test %eax,%eax
	jnz 1f
	xor %ebp,%ebp           # child
	pop %rdi
	call *%r9
	mov %eax,%edi
	mov $60,%eax            # SYS_exit
	syscall
	hlt
1:	ret
