# bench/sample.s - realistic LFI-x64 code for the verifier benchmark.
#
# Hand-written in the form the rewriter produces (lfi-x64.md): %gs: memory
# operands with 32-bit addressing, stack spills through (%rsp), rip-relative
# loads, returns as popq %r11 + M1, indirect calls as M2, system calls as
# M3, stack adjustments as M4, string instructions as M5/M6, MXCSR writes as
# M7, SSE/AVX arithmetic. Direct calls end at a bundle boundary (a locked
# group of NOPs plus the call filling one bundle). Every direct branch
# targets a label in this file, so the bytes can be replicated at any
# bundle-aligned offset. Functions are bundle-aligned. Constants live in
# .rodata (only .text is extracted; rip-relative loads keep their form).
#
# bench/run-bench.sh assembles this and extracts .text with objcopy.

	.text
	.bundle_align_mode 5

# return: popq %r11 ; M1 on %r11
	.macro lfi_ret
	popq %r11
	.bundle_lock
	andl $0xffffffe0, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
	.endm

# direct call ending at a bundle boundary
	.macro lfi_call target
	.p2align 5
	.bundle_lock
	.nops 27
	call \target
	.bundle_unlock
	.endm

# indirect call through %r11 (M2), ending at a bundle boundary
	.macro lfi_call_r11
	.p2align 5
	.bundle_lock
	andl $0xffffffe0, %r11d
	addq %r14, %r11
	.nops 22
	callq *%r11
	.bundle_unlock
	.endm

# runtime call N (M3)
	.macro lfi_rtcall n
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *\n(%r14)
1:
	.bundle_unlock
	.endm

# %rsp arithmetic (M4)
	.macro lfi_sub_rsp n
	.bundle_lock
	subl $\n, %esp
	orq %r14, %rsp
	.bundle_unlock
	.endm
	.macro lfi_add_rsp n
	.bundle_lock
	addl $\n, %esp
	addq %r14, %rsp
	.bundle_unlock
	.endm

# ---------------------------------------------------------------------------
# long sum32(const int32_t *a, unsigned n)
	.p2align 5
sum32:
	xorl %eax, %eax
	testl %esi, %esi
	je .Lsum_done
	xorl %ecx, %ecx
.Lsum_loop:
	movslq %gs:(%edi,%ecx,4), %rdx
	addq %rdx, %rax
	addl $1, %ecx
	cmpl %esi, %ecx
	jb .Lsum_loop
.Lsum_done:
	lfi_ret

# ---------------------------------------------------------------------------
# void *memcpy(void *d, const void *s, size_t n)  -- M5
	.p2align 5
memcpy:
	movq %rdi, %rax
	movq %rdx, %rcx
	shrq $3, %rcx
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsq
	.bundle_unlock
	movl %edx, %ecx
	andl $7, %ecx
	.bundle_lock
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsb
	.bundle_unlock
	lfi_ret

# ---------------------------------------------------------------------------
# void memmove_back(void *d, const void *s, size_t n)  -- M6
	.p2align 5
memmove_back:
	leaq -1(%rdi,%rdx), %rdi
	leaq -1(%rsi,%rdx), %rsi
	movq %rdx, %rcx
	.bundle_lock
	std
	movl %edi, %edi
	leaq (%r14,%rdi), %rdi
	movl %esi, %esi
	leaq (%r14,%rsi), %rsi
	rep movsb
	cld
	.bundle_unlock
	lfi_ret

# ---------------------------------------------------------------------------
# size_t strlen(const char *s)
	.p2align 5
strlen:
	movl %edi, %eax
.Lstrlen_loop:
	cmpb $0, %gs:(%eax)
	je .Lstrlen_done
	addl $1, %eax
	jmp .Lstrlen_loop
.Lstrlen_done:
	subl %edi, %eax
	lfi_ret

# ---------------------------------------------------------------------------
# struct node { node *next; long key; long val; }; long lookup(node *, long)
	.p2align 5
lookup:
	pushq %rbx
	movq %rsi, %rbx
.Llookup_loop:
	testl %edi, %edi
	je .Llookup_miss
	cmpq %rbx, %gs:8(%edi)
	je .Llookup_hit
	movl %gs:(%edi), %edi
	jmp .Llookup_loop
.Llookup_hit:
	movq %gs:16(%edi), %rax
	popq %rbx
	lfi_ret
.Llookup_miss:
	movq $-1, %rax
	popq %rbx
	lfi_ret

# ---------------------------------------------------------------------------
# float dot(const float *a, const float *b, unsigned n)  -- SSE
	.p2align 5
dot:
	xorps %xmm0, %xmm0
	xorl %ecx, %ecx
.Ldot_loop:
	cmpl %edx, %ecx
	jae .Ldot_done
	movups %gs:(%edi,%ecx,4), %xmm1
	movups %gs:(%esi,%ecx,4), %xmm2
	mulps %xmm2, %xmm1
	addps %xmm1, %xmm0
	addl $4, %ecx
	jmp .Ldot_loop
.Ldot_done:
	movaps %xmm0, %xmm1
	shufps $0x4e, %xmm0, %xmm1
	addps %xmm1, %xmm0
	movaps %xmm0, %xmm1
	shufps $0xb1, %xmm0, %xmm1
	addss %xmm1, %xmm0
	mulss .Lscale(%rip), %xmm0
	lfi_ret
	.section .rodata
	.p2align 2
.Lscale:
	.long 0x3f800000
	.text

# ---------------------------------------------------------------------------
# void axpy8(float a, const float *x, float *y, unsigned n)  -- AVX/FMA
	.p2align 5
axpy8:
	vbroadcastss %xmm0, %ymm0
	xorl %eax, %eax
.Laxpy_loop:
	cmpl %edx, %eax
	jae .Laxpy_done
	vmovups %gs:(%edi,%eax,4), %ymm1
	vfmadd213ps %gs:(%esi,%eax,4), %ymm0, %ymm1
	vmovups %ymm1, %gs:(%esi,%eax,4)
	addl $8, %eax
	jmp .Laxpy_loop
.Laxpy_done:
	vzeroupper
	lfi_ret

# ---------------------------------------------------------------------------
# long worker(long x): frame with spills, direct calls, callee-saved regs
	.p2align 5
worker:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	lfi_sub_rsp 72
	movq %rdi, 8(%rsp)
	movq %rsi, 16(%rsp)
	movq %rdx, 24(%rsp)
	movl %edi, %ebx
	movl $64, %esi
	lfi_call sum32
	movq %rax, 32(%rsp)
	movl %ebx, %edi
	movq 8(%rsp), %rsi
	lfi_call lookup
	addq 32(%rsp), %rax
	movq %rax, %r12
	movl %ebx, %edi
	lfi_call strlen
	leaq (%r12,%rax,2), %r13
	movq .Lconst(%rip), %rcx
	imulq %rcx, %r13
	movq %r13, %rax
	lfi_add_rsp 72
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	lfi_ret
	.section .rodata
	.p2align 3
.Lconst:
	.quad 0x9e3779b97f4a7c15
	.text

# ---------------------------------------------------------------------------
# long dispatch(long (**table)(long), unsigned i, long x): M2 via a table
	.p2align 5
dispatch:
	pushq %rbx
	movl %esi, %eax
	movq %gs:(%edi,%eax,8), %r11
	movq %rdx, %rdi
	lfi_call_r11
	movq %rax, %rbx
	addq %rbx, %rax
	popq %rbx
	lfi_ret

# ---------------------------------------------------------------------------
# long sys_write(int fd, const void *buf, size_t n): M3 system call
	.p2align 5
sys_write:
	movl $1, %eax
	movq %rcx, %r10
	lfi_rtcall 0
	cmpq $-4095, %rax
	jae .Lsys_err
	lfi_ret
.Lsys_err:
	negl %eax
	movl %eax, %gs:errno_slot(%eip)
	movq $-1, %rax
	lfi_ret
	.set errno_slot, 0x1000

# ---------------------------------------------------------------------------
# void *tls_get(long off): thread pointer (M3 N=8), %fs:off rewritten
	.p2align 5
tls_get:
	lfi_rtcall 8
	movq %gs:(%r11d), %rax
	addq %rdi, %rax
	lfi_ret

# ---------------------------------------------------------------------------
# void set_round(unsigned mode): MXCSR write (M7), x87 control word (M7)
	.p2align 5
set_round:
	lfi_sub_rsp 16
	stmxcsr 4(%rsp)
	movl 4(%rsp), %eax
	andl $0xffff9fff, %eax
	shll $13, %edi
	orl %edi, %eax
	movl %eax, 4(%rsp)
	.bundle_lock
	ldmxcsr 4(%rsp)
	leaq 1f(%rip), %r11
	jmpq *32(%r14)
1:
	.bundle_unlock
	fnstcw 8(%rsp)
	.bundle_lock
	fldcw 8(%rsp)
	leaq 2f(%rip), %r11
	jmpq *32(%r14)
2:
	.bundle_unlock
	lfi_add_rsp 16
	lfi_ret

# ---------------------------------------------------------------------------
# unsigned hash(const uint8_t *p, unsigned n): bit manipulation, cmov
	.p2align 5
hash:
	movl $0x811c9dc5, %eax
	xorl %ecx, %ecx
.Lhash_loop:
	cmpl %esi, %ecx
	jae .Lhash_done
	movzbl %gs:(%edi,%ecx), %edx
	xorl %edx, %eax
	imull $0x01000193, %eax, %eax
	incl %ecx
	jmp .Lhash_loop
.Lhash_done:
	popcntl %eax, %edx
	lzcntl %eax, %ecx
	rorxl $13, %eax, %r8d
	andnl %r8d, %eax, %r9d
	testl %edx, %edx
	cmovel %r9d, %eax
	crc32l %ecx, %eax
	lfi_ret

# ---------------------------------------------------------------------------
# void vec_add(int *d, const int *a, const int *b, unsigned n): AVX2
	.p2align 5
vec_add:
	xorl %eax, %eax
.Lvadd_loop:
	cmpl %ecx, %eax
	jae .Lvadd_done
	vmovdqu %gs:(%esi,%eax,4), %ymm0
	vpaddd %gs:(%edx,%eax,4), %ymm0, %ymm0
	vpminsd %ymm0, %ymm1, %ymm2
	vmovdqu %ymm2, %gs:(%edi,%eax,4)
	addl $8, %eax
	jmp .Lvadd_loop
.Lvadd_done:
	vzeroupper
	lfi_ret

# ---------------------------------------------------------------------------
# _start-like driver: aligns the stack (M4 and), calls around, exits (M3)
	.p2align 5
driver:
	.bundle_lock
	andl $0xffffffe0, %esp
	orq %r14, %rsp
	.bundle_unlock
	movl $0x10000, %edi
	lfi_call worker
	movq %rax, %rdx
	movl $0x20000, %edi
	movl $3, %esi
	lfi_call dispatch
	movl $0x30000, %edi
	movl $0x30100, %esi
	movl $256, %edx
	lfi_call memcpy
	movl $0x40000, %edi
	movl $32, %esi
	lfi_call hash
	movl %eax, %edi
	movl $231, %eax
	lfi_rtcall 0
	hlt
	.p2align 5
