# LFI-x64 __syscall_cp_asm(&cancel, nr, a, b, c, d, e, f) (replaces musl's,
# which keeps the cancel pointer in %r11 around the syscall and stores it
# over the 7th argument's stack slot; nothing reads it back). The syscall
# becomes runtime call 0; for cancellation the runtime must report a signal
# that arrives during it at a pc in [__cp_begin, __cp_end).
.text
.global __cp_begin
.hidden __cp_begin
.global __cp_end
.hidden __cp_end
.global __cp_cancel
.hidden __cp_cancel
.hidden __cancel
.global __syscall_cp_asm
.hidden __syscall_cp_asm
.type   __syscall_cp_asm,@function
__syscall_cp_asm:

__cp_begin:
	mov (%rdi),%eax
	test %eax,%eax
	jnz __cp_cancel
	mov %rsi,%rax
	mov %rdx,%rdi
	mov %rcx,%rsi
	mov %r8,%rdx
	mov %r9,%r10
	mov 8(%rsp),%r8
	mov 16(%rsp),%r9
	syscall
__cp_end:
	ret
__cp_cancel:
	jmp __cancel
