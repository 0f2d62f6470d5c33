/* Instruction rewrites: the rules of "How the rewriter turns ordinary
 * assembly into LFI-x64" in lfi-x64.md. Anything we cannot prove safe is
 * an error, never passed through. */
#include "rewrite.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* mnem is `base` or `base` plus one AT&T size suffix from `sfx`. */
static bool mn(const struct insn *in, const char *base, const char *sfx)
{
	size_t n = strlen(base);
	if (strncmp(in->mnem, base, n))
		return false;
	return in->mnem[n] == '\0' ||
	       (in->mnem[n + 1] == '\0' && strchr(sfx, in->mnem[n]));
}

static bool mn_any(const struct insn *in, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (mn(in, list[i], "bwlq"))
			return true;
	return false;
}

static bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* Instructions the verifier denies (V2) that a rewrite cannot fix. */
static bool denied(const struct insn *in)
{
	static const char *const exact[] = {
		"int", "into", "int1", "icebp", "sysenter", "sysexit", "sysret",
		"iret", "iretq", "iretd", "iretw", "popf", "popfq", "popfw",
		"swapgs", "wrpkru",
		"wrfsbase", "wrgsbase", "rdfsbase", "rdgsbase", "endbr64",
		"endbr32", "in", "out", "cli", "sti", "maskmovq", "maskmovdqu",
		"vmaskmovdqu", "clzero", "xbegin", "retw", "retl", "lds", "les",
		"lfs", "lgs", "lss", "ud1", NULL,
	};
	for (int i = 0; exact[i]; i++)
		if (strcmp(in->mnem, exact[i]) == 0)
			return true;
	return starts(in->mnem, "lret") || starts(in->mnem, "ljmp") ||
	       starts(in->mnem, "lcall") || starts(in->mnem, "xsave") ||
	       starts(in->mnem, "xrstor") || starts(in->mnem, "vpgather") ||
	       starts(in->mnem, "vgather") || starts(in->mnem, "ins") ||
	       starts(in->mnem, "outs") || starts(in->mnem, "movdir") ||
	       starts(in->mnem, "enqcmd") || starts(in->mnem, "monitor");
}

static bool uses_reserved(const struct insn *in)
{
	for (int i = 0; i < in->nop; i++)
		if (operand_uses_family(&in->op[i], FAM_R11) ||
		    operand_uses_family(&in->op[i], FAM_R14))
			return true;
	return false;
}

static bool numeric(const char *s, long long *v)
{
	char *end;
	if (!*s) {
		*v = 0;
		return true;
	}
	*v = strtoll(s, &end, 0);
	return *end == '\0';
}

static void add_prefix(struct insn *in, const char *p)
{
	for (int i = 0; i < in->nprefix; i++)
		if (strcmp(in->prefix[i], p) == 0)
			return;
	if (in->nprefix < MAX_PREFIXES)
		strcpy(in->prefix[in->nprefix++], p);
}

static const struct reg *narrow(const struct reg *r)
{
	return reg_lookup(reg_name(r->family, 32), (int)strlen(reg_name(r->family, 32)));
}

/* x@tpoff is a signed 32-bit offset: gas refuses it in a 32-bit address
 * ("relocated field and relocation type differ in signedness"). Compute
 * the address with a 64-bit lea into %r11, then access %gs:(%r11d). */
static bool via_lea(struct ctx *c, struct operand *op)
{
	struct operand a = *op;
	a.star = false;
	buf_put(&c->out, "\tleaq\t");
	print_operand(&c->out, &a);
	buf_put(&c->out, ",%r11\n");
	op->text[0] = '\0';
	op->base = reg_lookup("r11d", 4);
	op->index = NULL;
	op->scale[0] = '\0';
	op->parens = true;
	op->seg = reg_lookup("gs", 2);
	return true;
}

/* One explicit memory operand into an allowed V3 form. */
static bool sandbox_mem(struct ctx *c, struct insn *in, struct operand *op)
{
	if (op->base && op->base->family == FAM_R11)
		return true;	/* our own %gs:N(%r11d) from rewrite_fs */
	if (op->seg)
		return fail(c, "segment override not supported");
	if (op->base && op->base->family == FAM_RIP)
		return op->base->width == 64 || fail(c, "%eip-relative operand");
	if (op->base && op->base->family == FAM_RSP && op->base->width == 64 &&
	    !op->index)
		return true;
	if (strstr(op->text, "@tpoff") || strstr(op->text, "@dtpoff"))
		return via_lea(c, op);
	if ((op->base && op->base->width < 32) ||
	    (op->index && op->index->width < 32))
		return fail(c, "16-bit addressing");
	if (!op->base && !op->index) {
		long long v;
		if (numeric(op->text, &v) && (v < -0x80000000LL || v > 0xffffffffLL))
			return fail(c, "absolute address does not fit 32 bits");
		/* without a register gas would use 64-bit addressing */
		add_prefix(in, "addr32");
	}
	if (op->base)
		op->base = narrow(op->base);
	if (op->index)
		op->index = narrow(op->index);
	op->seg = reg_lookup("gs", 2);
	return true;
}

static bool sandbox_all_mem(struct ctx *c, struct insn *in)
{
	if (starts(in->mnem, "lea") || starts(in->mnem, "nop"))
		return true;	/* no memory access (V3 exception) */
	for (int i = 0; i < in->nop; i++)
		if (in->op[i].kind == OP_MEM && !sandbox_mem(c, in, &in->op[i]))
			return false;
	return true;
}

/* %fs: thread-pointer operands: fetch the thread pointer with runtime
 * call 8 into %r11, then use it. %fs:0 holds the thread pointer itself
 * (x86-64 TCB convention), so mov/add/sub of %fs:0 use %r11 directly. */
static bool rewrite_fs(struct ctx *c, struct insn *in, struct operand *op)
{
	long long v;
	if (op->base || op->index || !numeric(op->text, &v))
		return fail(c, "unsupported %fs: operand");
	emit_m3(c, 8, NULL);
	bool direct = v == 0 && op == &in->op[0] && in->nop == 2 &&
		      in->op[1].kind == OP_REG && in->op[1].reg->width == 64 &&
		      (mn(in, "mov", "q") || mn(in, "add", "q") || mn(in, "sub", "q"));
	if (direct) {
		op->kind = OP_REG;
		op->reg = reg_lookup("r11", 3);
		op->text[0] = '\0';
	} else {
		op->seg = reg_lookup("gs", 2);
		op->base = reg_lookup("r11d", 4);
		op->parens = true;
	}
	return true;
}

static bool has_fs(struct ctx *c, struct insn *in, struct operand **fs)
{
	*fs = NULL;
	for (int i = 0; i < in->nop; i++)
		if (in->op[i].kind == OP_MEM && in->op[i].seg &&
		    strcmp(in->op[i].seg->name, "fs") == 0)
			*fs = &in->op[i];
	return *fs != NULL;
}

/* --- indirect branches and returns --------------------------------------- */

static bool rewrite_indirect(struct ctx *c, struct insn *in, bool call)
{
	struct operand *op = &in->op[0];
	int fam = FAM_R11;
	if (op->kind == OP_REG) {
		if (op->reg->width != 64 || op->reg->family == FAM_RSP ||
		    op->reg->family >= 16)
			return fail(c, "bad indirect branch register");
		fam = op->reg->family;
	} else {
		struct insn ld = { .nprefix = 0, .nop = 2 };
		strcpy(ld.mnem, "movq");
		ld.op[0] = *op;
		ld.op[0].star = false;
		ld.op[1] = (struct operand){ .kind = OP_REG,
					     .reg = reg_lookup("r11", 3) };
		struct operand *fs;
		if (has_fs(c, &ld, &fs))
			return fail(c, "indirect branch through %fs:");
		if (!sandbox_all_mem(c, &ld))
			return false;
		print_insn(&c->out, &ld);
	}
	if (call)
		emit_m2(c, fam);
	else
		emit_m1(c, fam);
	return true;
}

static bool rewrite_ret(struct ctx *c, struct insn *in)
{
	buf_put(&c->out, "\tpopq\t%r11\n");
	if (in->nop == 1) {
		if (in->op[0].kind != OP_IMM)
			return fail(c, "bad ret operand");
		emit_m4_begin(c);
		buf_printf(&c->out, "\taddl\t$%s,%%esp\n", in->op[0].text);
		emit_m4_end(c);
	}
	emit_m1(c, FAM_R11);
	return true;
}

/* jmp, jcc, jrcxz, loop*, call: their operand is a target, not data */
static bool is_branch(const struct insn *in)
{
	return in->mnem[0] == 'j' || starts(in->mnem, "loop") ||
	       mn(in, "call", "q");
}

static bool rewrite_branch(struct ctx *c, struct insn *in)
{
	bool call = mn(in, "call", "q");
	if (in->nop != 1)
		return fail(c, "bad branch");
	for (int i = 0; i < in->nprefix; i++)
		if (strcmp(in->prefix[i], "notrack") && strcmp(in->prefix[i], "bnd"))
			return fail(c, "prefixed branch");
	in->nprefix = 0;	/* notrack/bnd mean nothing here */
	if (in->op[0].star && !call && !mn(in, "jmp", "q"))
		return fail(c, "bad indirect branch");
	if (in->op[0].star)
		return rewrite_indirect(c, in, call);
	if (in->op[0].kind != OP_MEM || in->op[0].parens || in->op[0].seg)
		return fail(c, "bad branch target");
	/* `.+N` counts bytes of the original code, which the rewrite changes */
	if (in->op[0].text[0] == '.' &&
	    (in->op[0].text[1] == '\0' || strchr("+- ", in->op[0].text[1])))
		return fail(c, "branch target relative to `.`: use a label");
	if (call)
		emit_direct_call(c, in);
	else
		print_insn(&c->out, in);
	return true;
}

/* --- writes of %rsp ------------------------------------------------------ */

static bool writes_rsp(const struct insn *in)
{
	static const char *const readers[] = { "cmp", "test", "bt", "push",
					       NULL };
	if (in->nop == 0)
		return false;
	const struct operand *last = &in->op[in->nop - 1];
	if (starts(in->mnem, "xchg") || starts(in->mnem, "xadd") ||
	    starts(in->mnem, "cmpxchg"))
		for (int i = 0; i < in->nop; i++)
			if (in->op[i].kind == OP_REG &&
			    in->op[i].reg->family == FAM_RSP)
				return true;
	return last->kind == OP_REG && last->reg->family == FAM_RSP &&
	       !mn_any(in, readers);
}

/* `enter $0, $0` is push %rbp; mov %rsp,%rbp and nothing else: no M4,
 * so it writes %rsp the way push does, keeping the flags. */
static bool enter_without_m4(const struct insn *in)
{
	long long size, level;
	return in->nop == 2 && in->op[0].kind == OP_IMM &&
	       in->op[1].kind == OP_IMM && numeric(in->op[0].text, &size) &&
	       numeric(in->op[1].text, &level) && size == 0 && level == 0;
}

enum rsp_write rsp_write_kind(const struct insn *in)
{
	const struct operand *src = &in->op[0];
	if (mn(in, "enter", "q"))
		return enter_without_m4(in) ? RSP_NONE : RSP_KEEPS_FLAGS;
	if (mn(in, "leave", "q"))
		return RSP_KEEPS_FLAGS;
	if (!writes_rsp(in))
		return RSP_NONE;
	if (in->nop != 2 || in->op[1].kind != OP_REG ||
	    in->op[1].reg->width != 64)
		return RSP_OTHER;
	if (mn(in, "add", "q") || mn(in, "sub", "q") || mn(in, "and", "q"))
		return RSP_SETS_FLAGS;
	if (mn(in, "mov", "q") && src->kind == OP_REG && src->reg->width == 64)
		return RSP_KEEPS_FLAGS;
	if (mn(in, "lea", "q") && src->kind == OP_MEM && !src->seg)
		return RSP_KEEPS_FLAGS;
	return mn(in, "mov", "q") ? RSP_KEEPS_FLAGS_R11 : RSP_OTHER;
}

/* M4's orq clobbers the flags. When the input's flags are live across
 * it (liveflags.c), their one condition goes to %r11b before it and back
 * into ZF after it; the consumers then test ZF. */
static bool live_flags(const struct ctx *c)
{
	return c->fix && c->fix->save[0];
}

static void save_flags(struct ctx *c)
{
	if (live_flags(c))
		buf_printf(&c->out, "\t%s\t%%r11b\n", c->fix->save);
}

static void restore_flags(struct ctx *c)
{
	if (live_flags(c))
		buf_put(&c->out, "\ttestb\t%r11b,%r11b\n");
}

/* %rsp = %r11 (already computed) through M4 */
static void rsp_from_r11(struct ctx *c)
{
	emit_m4_begin(c);
	buf_put(&c->out, "\tmovl\t%r11d,%esp\n");
	emit_m4_end(c);
}

/*
 * `movq mem,%rsp` with live flags: %r11 must carry both the new %rsp and
 * the condition. M4 uses only the low 32 bits of the value, so shift it
 * up by 8 with leas (which keep the flags), setCC into the freed low
 * byte, rotate it to the top (the flags are saved now), M4 on %r11d,
 * and shift the condition back down (ZF = !condition, as testb would).
 */
static void rsp_from_r11_keeping_flags(struct ctx *c)
{
	buf_put(&c->out, "\tleaq\t0(,%r11,8),%r11\n"
			 "\tleaq\t0(,%r11,8),%r11\n"
			 "\tleaq\t0(,%r11,4),%r11\n");
	buf_printf(&c->out, "\t%s\t%%r11b\n", c->fix->save);
	buf_put(&c->out, "\trorq\t$8,%r11\n");
	rsp_from_r11(c);
	buf_put(&c->out, "\tshrq\t$56,%r11\n");
}

static bool rewrite_rsp_write(struct ctx *c, struct insn *in)
{
	struct operand *src = &in->op[0];
	if (in->nop != 2 || in->op[1].kind != OP_REG ||
	    in->op[1].reg->width != 64)
		return fail(c, "unsupported write of %rsp");
	bool arith = mn(in, "add", "q") || mn(in, "sub", "q") ||
		     mn(in, "and", "q");
	if (arith && src->kind == OP_IMM) {
		emit_m4_begin(c);
		buf_printf(&c->out, "\t%.3sl\t$%s,%%esp\n", in->mnem, src->text);
		emit_m4_end(c);
		return true;
	}
	if (mn(in, "mov", "q") && src->kind == OP_REG && src->reg->width == 64) {
		save_flags(c);
		emit_m4_begin(c);
		buf_printf(&c->out, "\tmovl\t%%%s,%%esp\n", reg_name(src->reg->family, 32));
		emit_m4_end(c);
		restore_flags(c);
		return true;
	}
	if (mn(in, "lea", "q") && src->kind == OP_MEM && !src->seg) {
		save_flags(c);
		emit_m4_begin(c);
		in->mnem[3] = '\0';
		strcat(in->mnem, "l");
		in->op[1].reg = reg_lookup("esp", 3);
		print_insn(&c->out, in);
		emit_m4_end(c);
		restore_flags(c);
		return true;
	}
	/* add/sub of a register or memory (alloca, VLAs) and mov from
	 * memory (longjmp): compute in %r11, then M4 */
	if (arith || mn(in, "mov", "q")) {
		if (arith)
			buf_put(&c->out, "\tmovq\t%rsp,%r11\n");
		in->op[1].reg = reg_lookup("r11", 3);
		if (!sandbox_all_mem(c, in))
			return false;
		print_insn(&c->out, in);
		if (live_flags(c))	/* only planned for mov (liveflags.c) */
			rsp_from_r11_keeping_flags(c);
		else
			rsp_from_r11(c);
		return true;
	}
	return fail(c, "unsupported write of %rsp");
}

/* `enter $N, $0` is push %rbp; mov %rsp,%rbp; %rsp -= N, the last through
 * M4 (flags kept like for leave). Nesting levels above 0 copy frame
 * pointers from the old frame; gcc never emits them. */
static bool rewrite_enter(struct ctx *c, struct insn *in)
{
	long long size, level;
	if (in->nprefix || in->nop != 2 || in->op[0].kind != OP_IMM ||
	    in->op[1].kind != OP_IMM || !numeric(in->op[0].text, &size) ||
	    !numeric(in->op[1].text, &level) || size < 0 || size > 0xffff)
		return fail(c, "only `enter $N, $0` with a numeric N is supported");
	if (level != 0)
		return fail(c, "enter with a nesting level is not supported");
	buf_put(&c->out, "\tpushq\t%rbp\n\tmovq\t%rsp,%rbp\n");
	if (size == 0)	/* no M4: rsp_write_kind says RSP_NONE, no plan */
		return !live_flags(c) ||
		       fail(c, "internal error: flags saved around enter $0");
	save_flags(c);
	emit_m4_begin(c);
	buf_printf(&c->out, "\tsubl\t$%lld,%%esp\n", size);
	emit_m4_end(c);
	restore_flags(c);
	return true;
}

/* `xlat` reads the byte at %rbx + %al into %al. The same load in G form,
 * with %al widened into %r11d (neither changes the flags). */
static bool rewrite_xlat(struct ctx *c, struct insn *in)
{
	const struct operand *op = &in->op[0];
	bool addr32 = in->nprefix == 1 && !strcmp(in->prefix[0], "addr32");
	if ((in->nprefix && !addr32) || in->nop > 1 ||
	    (in->nop == 1 && (op->kind != OP_MEM || op->seg || op->text[0] ||
			      !op->base || op->index ||
			      op->base->family != FAM_RBX)))
		return fail(c, "only `xlat` or `xlat (%rbx)` is supported");
	buf_put(&c->out, "\tmovzbl\t%al,%r11d\n"
			 "\tmovb\t%gs:(%ebx,%r11d),%al\n");
	return true;
}

/* --- the thread pointer ------------------------------------------------- */

/*
 * `wrfsbase %rdi` is the input form of runtime call 16 (set thread
 * pointer, in %rdi). Unlike the instruction, the call returns 0 in %rax
 * and, like a system call, does not preserve %rcx and %r11.
 * `rdfsbase %rX` is runtime call 8 (read thread pointer into %r11).
 */
static bool rewrite_fsbase(struct ctx *c, struct insn *in)
{
	bool write = strcmp(in->mnem, "wrfsbase") == 0;
	const struct operand *op = &in->op[0];
	if (in->nprefix || in->nop != 1 || op->kind != OP_REG ||
	    op->reg->width != 64 || op->reg->family >= 16 ||
	    op->reg->family == FAM_RSP ||
	    (write && op->reg->family != FAM_RDI))
		return fail(c, write ? "only `wrfsbase %rdi` (runtime call 16) "
				       "is supported"
				     : "only `rdfsbase` of a 64-bit register "
				       "other than %rsp is supported");
	emit_m3(c, write ? 16 : 8, NULL);
	if (!write)
		buf_printf(&c->out, "\tmovq\t%%r11,%%%s\n", op->reg->name);
	return true;
}

/* --- the rest ------------------------------------------------------------ */

static bool fp_control(const struct insn *in)
{
	static const char *const names[] = { "ldmxcsr", "vldmxcsr", "fldcw",
		"fldenv", "frstor", "fxrstor", "fxrstor64", "fninit", "finit",
		"fnsave", "fsave", NULL };
	for (int i = 0; names[i]; i++)
		if (mn(in, names[i], "lsq"))
			return true;
	return false;
}

static bool rewrite_string(struct ctx *c, struct insn *in)
{
	for (int i = 0; i < in->nprefix; i++)
		if (!starts(in->prefix[i], "rep"))
			return fail(c, "prefix on a string instruction");
	buf_put(&c->out, "\t.bundle_lock\n");
	emit_m5_body(c, in);
	buf_put(&c->out, "\t.bundle_unlock\n");
	return true;
}

/* M6: std ; M5 ; cld, all in one locked group. */
static int rewrite_std(struct ctx *c, struct insn *next, struct insn *next2)
{
	bool rdi, rsi;
	if (!next || !next2 || !string_insn(next, &rdi, &rsi) ||
	    strcmp(next2->mnem, "cld") || next2->nop || next2->nprefix) {
		fail(c, "std not followed by one string instruction and cld");
		return 0;
	}
	buf_put(&c->out, "\t.bundle_lock\n\tstd\n");
	emit_m5_body(c, next);
	buf_put(&c->out, "\tcld\n\t.bundle_unlock\n");
	return 2;
}

static bool rewrite_fp_control(struct ctx *c, struct insn *in)
{
	struct buf tmp = { 0 };
	if (!sandbox_all_mem(c, in))
		return false;
	print_insn(&tmp, in);
	emit_m3(c, 32, tmp.p);
	free(tmp.p);
	return true;
}

int rewrite_insn(struct ctx *c, struct insn *in, struct insn *next,
                 struct insn *next2)
{
	bool rdi, rsi;
	struct operand *fs;
	if (c->fix && c->fix->error)
		return fail(c, c->fix->error), 0;
	if (c->fix && c->fix->mnem[0])	/* a consumer of saved flags */
		strcpy(in->mnem, c->fix->mnem);
	if (uses_reserved(in))
		return fail(c, "uses reserved register %r11 or %r14"), 0;
	for (int i = 0; i < in->nop; i++)
		if (strstr(in->op[i].text, "@TLSCALL") ||
		    strstr(in->op[i].text, "@TLSDESC"))
			return fail(c, "TLS descriptors (-mtls-dialect=gnu2) "
				       "are not supported yet"), 0;
	if (string_insn_with_operands(in))
		return fail(c, "string instruction with explicit operands: "
			       "write it without operands"), 0;
	if (!strcmp(in->mnem, "wrfsbase") || !strcmp(in->mnem, "rdfsbase"))
		return rewrite_fsbase(c, in), 0;
	if (mn(in, "xlat", "b"))
		return rewrite_xlat(c, in), 0;
	if (mn(in, "enter", "q"))
		return rewrite_enter(c, in), 0;
	if (denied(in))
		return fail(c, "instruction not allowed in LFI-x64"), 0;
	for (int i = 0; i < in->nop; i++)
		if (in->op[i].kind == OP_REG && in->op[i].reg->segment)
			return fail(c, "segment register operand"), 0;
	if (names_tls_dynamic(in))	/* tls.c takes the good sequences */
		return fail(c, "x@tlsgd/x@tlsld outside `leaq x@tlsgd(%rip),"
			       "%rdi; call *__tls_get_addr@GOTPCREL(%rip)`"), 0;
	if (mn(in, "ret", "q"))
		return rewrite_ret(c, in), 0;
	if (is_branch(in))
		return rewrite_branch(c, in), 0;
	if (strcmp(in->mnem, "syscall") == 0)
		return emit_m3(c, 0, NULL), 0;
	if (mn(in, "leave", "q")) {
		save_flags(c);
		emit_m4_begin(c);
		buf_put(&c->out, "\tmovl\t%ebp,%esp\n");
		emit_m4_end(c);
		restore_flags(c);
		buf_put(&c->out, "\tpopq\t%rbp\n");
		return 0;
	}
	if (strcmp(in->mnem, "std") == 0)
		return rewrite_std(c, next, next2);
	if (string_insn(in, &rdi, &rsi))
		return rewrite_string(c, in), 0;
	for (int i = 0; i < in->nprefix; i++)
		if (strlen(in->prefix[i]) == 2 && in->prefix[i][1] == 's')
			return fail(c, "segment prefix not supported"), 0;
	if (writes_rsp(in))
		return rewrite_rsp_write(c, in), 0;
	if (has_fs(c, in, &fs) && !rewrite_fs(c, in, fs))
		return 0;
	if (fp_control(in))
		return rewrite_fp_control(c, in), 0;
	if (sandbox_all_mem(c, in))
		print_insn(&c->out, in);
	return 0;
}
