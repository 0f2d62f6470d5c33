/*
 * tramp.c - writes the assembly trampolines of a .box.so, one per export,
 * from its calling convention (sig.h) and the runtime's macros
 * (runtime/core/trampoline.h). The generated file is tramp.S.
 *
 * The fast path (a thread in no run) is straight-line code specialised
 * for the signature: only the pointer checks, stack copies and result
 * handling the function needs. The nested path (a run in progress on
 * the thread) is a second copy around the same frame, after
 * sobox_busy's check. Rarer still, out of line: a thread's first call
 * (sobox_attach_thread), a bad pointer argument, a failed call; each
 * export's descriptor (.Ldesc, boxrt.h's struct sobox_desc) names it
 * for their messages.
 */
#include "tramp.h"


static const char *const int_reg[6] = { "%rdi", "%rsi", "%rdx", "%rcx", "%r8", "%r9" };
static const char *const int_reg32[6] = { "%edi", "%esi", "%edx", "%ecx", "%r8d", "%r9d" };

/* Stack arguments and memory results may be 32- or 64-byte aligned
   (__m256, over-aligned structs): the sandbox frame keeps them at 64. */
static unsigned round64(unsigned n)
{
	return (n + 63) & ~63u;
}

/* The sandbox frame below the thread's call slot (LFI_T_CALL_SP, which
   holds the return stub; call_sp + 8 is 64-byte aligned): the function's
   %rsp is call_sp - frame_size, its stack arguments from %rsp + 8, then
   the buffer of a memory result, each 64-byte aligned. Zero when the
   function needs neither: the call slot is its %rsp. */
unsigned sobox_frame_size(const struct sobox_sig *s)
{
	unsigned args = round64(s->stack_bytes);
	unsigned buf = s->ret == SOBOX_RET_MEMORY ? round64(s->ret_size) : 0;

	return args || buf ? 64 + args + buf : 0;
}

static void descriptor(FILE *f, const struct sobox_sig *s, unsigned i)
{
	fprintf(f, "\t.section .rodata\n"
		   ".Lname%u:\n\t.string \"%s\"\n"
		   "\t.section .data.rel.ro,\"aw\"\n\t.p2align 3\n.Ldesc%u:\n"
		   "\t.long %u, %u, %u, %u, %u, %u, %d, %d\n\t.quad .Lname%u\n"
		   "\t.quad %u\n\t.text\n",
		i, s->name, i, i, s->n_int, s->n_sse, s->stack_bytes,
		(unsigned)s->ret, s->ret_size, s->ret_ptr, s->variadic, i,
		sobox_frame_size(s));
}

/* A pointer argument in a register: in the box, or NULL or a small
   sentinel (|p| < 4096, never an address: SQLITE_TRANSIENT is -1,
   SIG_IGN 1), or the call fails. The branch the fast path takes is the
   first; only %r10 changes. */
static void check_reg(FILE *f, const char *tag, unsigned i, unsigned k)
{
	fprintf(f, "\tmovq\t%s, %%r10\n\tshrq\t$32, %%r10\n"
		   "\tcmpl\tsobox_base+4(%%rip), %%r10d\n\tje\t.Lok%s%u_%u\n"
		   "\tleaq\t4096(%s), %%r10\n\tcmpq\t$8192, %%r10\n"
		   "\tjae\t.Lbad%u_%u\n.Lok%s%u_%u:\n",
		int_reg[k], tag, i, k, int_reg[k], i, k, tag, i, k);
}

/* The same for a pointer on the stack, at `off` in the argument area
   (8(%rsp) before anything is pushed). */
static void check_stack(FILE *f, const char *tag, unsigned i, unsigned k,
			unsigned off)
{
	fprintf(f, "\tmovq\t%u(%%rsp), %%r10\n\tshrq\t$32, %%r10\n"
		   "\tcmpl\tsobox_base+4(%%rip), %%r10d\n\tje\t.Lok%s%u_%u\n"
		   "\tmovq\t%u(%%rsp), %%r10\n\taddq\t$4096, %%r10\n"
		   "\tcmpq\t$8192, %%r10\n\tjae\t.Lbad%u_%u\n.Lok%s%u_%u:\n",
		8 + off, tag, i, k, 8 + off, i, k, tag, i, k);
}

/* Before anything is pushed; `tag` keeps the two paths' labels apart. */
static void checks(FILE *f, const struct sobox_sig *s, unsigned i, const char *tag)
{
	for (unsigned k = 0; k < 6; k++)
		if (s->int_ptr >> k & 1)
			check_reg(f, tag, i, k);
	for (unsigned k = 0; k < s->n_stack_ptrs; k++)
		check_stack(f, tag, i, 6 + k, s->stack_ptr[k]);
}

/* The failure of a bad pointer argument k: one line, then the failed
   call's result. */
static void bad_pointers(FILE *f, const struct sobox_sig *s, unsigned i)
{
	unsigned n = 0;

	for (unsigned k = 0; k < 6 + s->n_stack_ptrs; k++) {
		if (k < 6 && !(s->int_ptr >> k & 1))
			continue;
		if (k < 6)
			fprintf(f, ".Lbad%u_%u:\n\tmovq\t%s, %%rdx\n", i, k, int_reg[k]);
		else
			fprintf(f, ".Lbad%u_%u:\n\tmovq\t%u(%%rsp), %%rdx\n", i, k,
				8 + s->stack_ptr[k - 6]);
		fprintf(f, "\tmovl\t$%u, %%esi\n\tjmp\t.Lbadptr%u\n", k, i);
		n++;
	}
	if (n)
		fprintf(f, ".Lbadptr%u:\n\tleaq\t.Ldesc%u(%%rip), %%rdi\n"
			   "\tsubq\t$8, %%rsp\n\tcall\tsobox_bad_pointer\n"
			   "\taddq\t$8, %%rsp\n\tjmp\t.Lfail%u\n", i, i, i);
}

/* Stack arguments: the caller's, at `pushed` + 8 (%rsp) (above what the
   trampoline pushed, named by trampoline.h's byte counts, and the return
   address), to the sandbox frame at
   %r10 + 8 (pinned call stack: plain stores cannot fault). %rbx is free:
   saved, zeroed before the jump. */
static void copy_stack_args(FILE *f, const struct sobox_sig *s, const char *pushed)
{
	for (unsigned off = 0; off < s->stack_bytes; off += 8)
		fprintf(f, "\tmovq\t%s+%u(%%rsp), %%rbx\n\tmovq\t%%rbx, %u(%%r10)\n",
			pushed, 8 + off, 8 + off);
}

/* %r10 = the call slot (LFI_T_CALL_SP on the fast path; on the nested
   path LFI_TRAMP_NESTED_SP's, which holds no return stub yet) becomes
   the function's %rsp; pushes what the exit needs, then the sandbox
   %rsp call 24 must come with. */
static void frame(FILE *f, const struct sobox_sig *s, int nested)
{
	unsigned size = sobox_frame_size(s);

	if (!nested)
		fprintf(f, "\tmovq\tLFI_T_CALL_SP(%%r11), %%r10\n");
	if (size)
		fprintf(f, "\tsubq\t$%u, %%r10\n", size);
	if (size || nested)
		fprintf(f, "\tmovq\tLFI_T_RETURN_STUB(%%r11), %%rbx\n"
			   "\tmovq\t%%rbx, (%%r10)\n");
	copy_stack_args(f, s, nested ? "LFI_TRAMP_SAVE_BYTES+LFI_TRAMP_SAVE_RUN_BYTES" :
					"LFI_TRAMP_SAVE_BYTES");
	if (s->ret == SOBOX_RET_MEMORY)	/* host buffer, sandbox buffer */
		fprintf(f, "\tpushq\t%%rdi\n\tleaq\t%u(%%r10), %%rdi\n\tpushq\t%%rdi\n",
			8 + round64(s->stack_bytes));
	for (unsigned k = 0; k < 6; k++)
		if (s->int_ptrptr >> k & 1)
			fprintf(f, "\tpushq\t%s\n", int_reg[k]);
	fprintf(f, "\tleaq\t8(%%r10), %%rbx\n\tpushq\t%%rbx\n");
}

/* A memory result from the sandbox buffer (%rsi, pinned) to the host's
   (%rdi), exactly its size: quadwords, then bytes. */
static void copy_result(FILE *f, unsigned size)
{
	unsigned off = 0;

	for (; off + 8 <= size; off += 8)
		fprintf(f, "\tmovq\t%u(%%rsi), %%r11\n\tmovq\t%%r11, %u(%%rdi)\n",
			off, off);
	for (; off < size; off++)
		fprintf(f, "\tmovb\t%u(%%rsi), %%r11b\n\tmovb\t%%r11b, %u(%%rdi)\n",
			off, off);
}

/* An x87 result (%st0, complex: %st0 %st1) kept across LFI_X87_EMPTY, which
   empties the rest of the stack. A value the box did not leave (an
   empty register, a run that ended through lfi_leave) becomes a NaN:
   storing an empty register would raise an invalid operation the host
   may have unmasked. %rax is free (no x87 function returns in it). */
static void x87_result(FILE *f, int complex, unsigned i, const char *tag)
{
	static const char empty[] =
		"\tfxam\n\tfnstsw\t%%ax\n\tandw\t$0x4500, %%ax\n"
		"\tcmpw\t$0x4100, %%ax\n\tje\t.Lnox87%s%u\n";

	fprintf(f, "\ttestq\t%%rcx, %%rcx\n\tjz\t.Lnox87%s%u\n", tag, i);
	fprintf(f, empty, tag, i);
	fprintf(f, "\tfstpt\t-16(%%rsp)\n");
	if (complex) {
		fprintf(f, empty, tag, i);
		fprintf(f, "\tfstpt\t-32(%%rsp)\n\tLFI_X87_EMPTY\n\tfldt\t-32(%%rsp)\n");
	} else {
		fprintf(f, "\tLFI_X87_EMPTY\n");
	}
	fprintf(f, "\tfldt\t-16(%%rsp)\n\tjmp\t.Lx87%s%u\n.Lnox87%s%u:\n\tLFI_X87_EMPTY\n"
		   "\tfldt\tsobox_x87_nan(%%rip)\n%s.Lx87%s%u:\n", tag, i, tag, i,
		complex ? "\tfldt\tsobox_x87_nan(%rip)\n" : "", tag, i);
}

/* After LFI_TRAMP_EXIT: the x87 stack emptied but for an x87 result,
   results brought back, pushed words popped. */
static void results(FILE *f, const struct sobox_sig *s, unsigned i, const char *tag)
{
	if (s->ret == SOBOX_RET_X87)
		x87_result(f, s->ret_size == 32, i, tag);
	else
		fprintf(f, "\tLFI_X87_EMPTY\n");
	for (int k = 5; k >= 0; k--)
		if (s->int_ptrptr >> k & 1)
			fprintf(f, "\tpopq\t%%r11\n\tcall\tsobox_force_out\n");
	if (s->ret == SOBOX_RET_MEMORY) {
		fprintf(f, "\tpopq\t%%rsi\n\tpopq\t%%rdi\n");
		copy_result(f, s->ret_size);
		fprintf(f, "\tmovq\t%%rdi, %%rax\n");
	}
	if (s->ret_ptr)	/* forced into the box; NULL when the run was left */
		fprintf(f, "\ttestq\t%%rcx, %%rcx\n\tcmovzq\t%%rcx, %%rax\n"
			   "\ttestq\t%%rax, %%rax\n\tjz\t.Lnull%s%u\n"
			   "\tmovl\t%%eax, %%eax\n\torq\tsobox_base(%%rip), %%rax\n"
			   ".Lnull%s%u:\n", tag, i, tag, i);
}

/*
 * The vector registers that are not arguments (%xmm0..%xmm(n_sse-1)
 * are), by the host's CPU (lfi_have_avx), not sobox's:
 * - without AVX there is only the %xmm: pxor;
 * - with AVX and no whole-%ymm argument: vzeroupper clears every upper
 *   half, pxor the rest (legacy encodings: a VEX write here followed by
 *   the callee's legacy SSE code cost this machine about 290 cycles per
 *   call, the AVX-SSE transition);
 * - with a %ymm argument (or an unknown or variadic signature, which
 *   may have one) the callee is AVX code: vpxor, which clears the %ymm.
 */
static void zero_vectors(FILE *f, const struct sobox_sig *s, unsigned i)
{
	int wide = s->wide || s->variadic || !s->known;
	unsigned first = s->variadic || !s->known ? 8 : s->n_sse;

	fprintf(f, "\tcmpl\t$0, lfi_have_avx(%%rip)\n\tje\t.Lsse%u\n", i);
	if (wide) {
		for (unsigned k = first; k < 16; k++)
			fprintf(f, "\tvpxor\t%%xmm%u, %%xmm%u, %%xmm%u\n", k, k, k);
		fprintf(f, "\tjmp\t.Lvec%u\n", i);
	} else {
		fprintf(f, "\tvzeroupper\n");
	}
	fprintf(f, ".Lsse%u:\n", i);
	for (unsigned k = first; k < 16; k++)
		fprintf(f, "\tpxor\t%%xmm%u, %%xmm%u\n", k, k);
	fprintf(f, ".Lvec%u:\n", i);
}

/* The registers that are not arguments: nothing of the host's gets in. */
static void zero_registers(FILE *f, const struct sobox_sig *s)
{
	static const char *const other[] = { "%ebx", "%ebp", "%r10d", "%r12d",
					     "%r13d", "%r15d" };

	if (s->variadic || !s->known)
		fprintf(f, "\tmovzbl\t%%al, %%eax\n");	/* vector count */
	else
		fprintf(f, "\txorl\t%%eax, %%eax\n");
	for (unsigned k = s->n_int; k < 6; k++)
		fprintf(f, "\txorl\t%s, %s\n", int_reg32[k], int_reg32[k]);
	for (unsigned k = 0; k < sizeof other / sizeof *other; k++)
		fprintf(f, "\txorl\t%s, %s\n", other[k], other[k]);
}

static void fail(FILE *f, const struct sobox_sig *s, unsigned i)
{
	fprintf(f, ".Lfail%u:\n", i);
	if (s->ret == SOBOX_RET_MEMORY)
		fprintf(f, "\tmovq\t%%rdi, %%rax\n");
	else if (s->ret_ptr)
		fprintf(f, "\txorl\t%%eax, %%eax\n");
	else
		fprintf(f, "\tmovq\t$-1, %%rax\n");
	fprintf(f, "\tret\n");
}

/* A run that ended through lfi_leave (%rcx = 0: a fault, exit, a bad
   runtime call) fails: sobox_left_run says why, %rax = -1 (results()
   makes a pointer NULL). Out of line, as trampoline.h's LFI_COLD. */
static void left(FILE *f, unsigned i, const char *tag)
{
	fprintf(f, "\ttestq\t%%rcx, %%rcx\n\tjz\t.Lleft%s%u\n.Lran%s%u:\n"
		   "\t.subsection 1\n.Lleft%s%u:\n\tcall\tsobox_left_run\n"
		   "\tmovq\t$-1, %%rax\n\tjmp\t.Lran%s%u\n\t.subsection 0\n",
		tag, i, tag, i, tag, i, tag, i);
}

/* A context closed by a destroy (trampoline.h, LFI_TRAMP_OWN), found
   on the fast path or the nested one: the thread back as it was at the
   trampoline's entry, then sobox_closed says whether to start again
   (attaching to the next box) or fail. */
static void closed(FILE *f, unsigned i)
{
	fprintf(f, ".Lclosed%u:\n\tmovq\t$0, LFI_T_HOST_RSP(%%r11)\n"
		   "\tmovq\t$0, %%fs:LFI_SLOT_CTX\n\tjmp\t.Lback%u\n"
		   ".Lclosedn%u:\n\tLFI_TRAMP_RESTORE_RUN\n.Lback%u:\n"
		   "\tLFI_TRAMP_RESTORE\n\tcall\tsobox_closed\n"
		   "\ttestq\t%%r10, %%r10\n\tjz\t.Lt%u\n\tjmp\t.Lfail%u\n",
		i, i, i, i, i, i);
}

/* A thread in no run: the fast path. */
static void fast_path(FILE *f, const struct sobox_sig *s, unsigned i)
{
	fprintf(f, "\tLFI_TRAMP_CONTEXT sobox_thread, .Lnone%u, .Lbusy%u\n", i, i);
	checks(f, s, i, "");
	fprintf(f, "\tLFI_TRAMP_GS_READ\n\tLFI_TRAMP_SAVE\n\tLFI_TRAMP_OWN .Lclosed%u\n"
		   "\tLFI_TRAMP_GS_SET %%r10\n", i);
	frame(f, s, 0);
	fprintf(f, "\tcall\t.Lenter%u\n\tLFI_TRAMP_EXIT\n", i);
	left(f, i, "");
	/* in a run until the results are out of the box: a destroy waits */
	results(f, s, i, "");
	fprintf(f, "\tLFI_TRAMP_IDLE\n\tLFI_TRAMP_RESTORE\n\tret\n");
}

/* A run in progress on the thread (trampoline.h); sobox_busy first
   refuses a call from a signal handler and the remains of a host longjmp
   out of a callback. */
static void nested_path(FILE *f, const struct sobox_sig *s, unsigned i)
{
	fprintf(f, ".Lbusy%u:\n\tcall\tsobox_busy\n\ttestq\t%%r10, %%r10\n"
		   "\tjnz\t.Lfail%u\n", i, i);
	checks(f, s, i, "n");	/* before the %r10 they use as scratch is set */
	fprintf(f, "\tLFI_TRAMP_NESTED_SP %u, .Lrefused%u\n", sobox_frame_size(s), i);
	fprintf(f, "\tLFI_TRAMP_SAVE\n\tLFI_TRAMP_SAVE_RUN .Lclosedn%u\n", i);
	frame(f, s, 1);
	fprintf(f, "\tcall\t.Lenter%u\n\tLFI_TRAMP_EXIT\n", i);
	left(f, i, "n");
	results(f, s, i, "n");
	fprintf(f, "\tLFI_TRAMP_RESTORE_RUN\n\tLFI_TRAMP_RESTORE\n\tret\n"
		   ".Lrefused%u:\n\tleaq\t.Ldesc%u(%%rip), %%rdi\n\tsubq\t$8, %%rsp\n"
		   "\tcall\tsobox_nested_refused\n\taddq\t$8, %%rsp\n\tjmp\t.Lfail%u\n",
		i, i, i);
}

static void trampoline(FILE *f, const struct sobox_sig *s, const char *sym,
		       unsigned i)
{
	descriptor(f, s, i);
	fprintf(f, "\t.globl\t%s\n\t.type\t%s, @function\n\t.p2align 4\n%s:\n.Lt%u:\n",
		sym, sym, sym, i);
	fast_path(f, s, i);
	fprintf(f, ".Lenter%u:\n\tLFI_TRAMP_ENTER\n", i);
	zero_registers(f, s);
	zero_vectors(f, s, i);
	fprintf(f, "\tmovq\tsobox_fns+%u(%%rip), %%r11\n\tjmpq\t*%%r11\n", 8 * i);
	fprintf(f, ".Lnone%u:\n\tcall\tsobox_attach_thread\n\ttestq\t%%r11, %%r11\n"
		   "\tjnz\t.Lt%u\n\tjmp\t.Lfail%u\n", i, i, i);
	nested_path(f, s, i);
	closed(f, i);
	bad_pointers(f, s, i);
	fail(f, s, i);
	fprintf(f, "\t.size\t%s, . - %s\n\n", sym, sym);
}

int sobox_write_trampolines(FILE *f, const struct sobox_sig *sigs,
			    const char *const *syms, size_t n)
{
	fprintf(f, "/* generated by sobox: the trampolines (sobox/tramp.c) */\n"
		   "#include \"core/trampoline.h\"\n\n"
		   "/* the exports' box addresses, filled at load (boxrt.c) */\n"
		   "\t.bss\n\t.p2align 6\n\t.globl\tsobox_fns\n\t.hidden\tsobox_fns\n"
		   "sobox_fns:\n\t.zero\t%zu\n\t.text\n", 8 * n);
	for (size_t i = 0; i < n; i++)
		trampoline(f, &sigs[i], syms[i], (unsigned)i);
	fprintf(f, "/* for the runtime: descriptors and trampolines by index */\n"
		   "\t.section .data.rel.ro,\"aw\"\n\t.p2align 3\n"
		   "\t.globl\tsobox_descs\n\t.hidden\tsobox_descs\nsobox_descs:\n");
	for (size_t i = 0; i < n; i++)
		fprintf(f, "\t.quad\t.Ldesc%zu\n", i);
	fprintf(f, "\t.globl\tsobox_tramps\n\t.hidden\tsobox_tramps\nsobox_tramps:\n");
	for (size_t i = 0; i < n; i++)
		fprintf(f, "\t.quad\t.Lt%zu\n", i);
	fprintf(f, "\t.section .note.GNU-stack,\"\",@progbits\n\t.text\n");
	return ferror(f) ? -1 : 0;
}
