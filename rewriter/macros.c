/* Emitters for the LFI-x64 macroinstructions (lfi-x64.md, V7). Each one is
 * wrapped in .bundle_lock/.bundle_unlock so gas keeps it inside a bundle. */
#include "rewrite.h"
#include <string.h>

#define LOCK   "\t.bundle_lock\n"
#define UNLOCK "\t.bundle_unlock\n"

/* Multi-byte NOPs as raw bytes: gas cannot size `.nops` inside a bundle
 * lock (the group is then not aligned), but it sizes .byte exactly. */
static const char *const nop_bytes[12] = {
	NULL,
	"0x90",
	"0x66,0x90",
	"0x0f,0x1f,0x00",
	"0x0f,0x1f,0x40,0x00",
	"0x0f,0x1f,0x44,0x00,0x00",
	"0x66,0x0f,0x1f,0x44,0x00,0x00",
	"0x0f,0x1f,0x80,0x00,0x00,0x00,0x00",
	"0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00",
	"0x66,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00",
	"0x66,0x2e,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00",
	"0x66,0x66,0x2e,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00",
};

void emit_nops(struct ctx *c, int n)
{
	while (n > 0) {
		int k = n > 11 ? 11 : n;
		buf_printf(&c->out, "\t.byte %s\n", nop_bytes[k]);
		n -= k;
	}
}

static void mask(struct ctx *c, int f)
{
	buf_printf(&c->out, "\tandl\t$-32,%%%s\n\torq\t%%r14,%%%s\n",
		   reg_name(f, 32), reg_name(f, 64));
}

void emit_m1(struct ctx *c, int f)
{
	buf_put(&c->out, LOCK);
	mask(c, f);
	buf_printf(&c->out, "\tjmpq\t*%%%s\n", reg_name(f, 64));
	buf_put(&c->out, UNLOCK);
}

/* M2 must end at a bundle boundary (aligned return address). The locked
 * group is padded to exactly 32 bytes, so gas starts it on a bundle.
 * Lengths: andl $-32,%eX is 83 /4 ib (3 bytes, +1 REX for r8-r15);
 * orq %r14,%rX is always 3 (REX.W); callq *%rX is 2 (+1 REX).
 * `before` (may be NULL) is code of exactly before_len bytes that shares
 * the group, after the NOPs: nothing can then come between its parts. */
void emit_m2_after(struct ctx *c, int f, const char *before, int before_len)
{
	int len = f >= 8 ? 4 + 3 + 3 : 3 + 3 + 2;
	buf_put(&c->out, LOCK);
	emit_nops(c, 32 - len - before_len);
	if (before)
		buf_put(&c->out, before);
	mask(c, f);
	buf_printf(&c->out, "\tcallq\t*%%%s\n", reg_name(f, 64));
	buf_put(&c->out, UNLOCK);
}

void emit_m2(struct ctx *c, int f)
{
	emit_m2_after(c, f, NULL, 0);
}

/* M3 runtime call N; `before` (may be NULL) is an instruction that must
 * share the locked group (the FP-control write of M7). The return label
 * is unique, so it cannot capture the input's own numeric labels. */
void emit_m3(struct ctx *c, int n, const char *before)
{
	int k = c->label_seq++;
	buf_put(&c->out, LOCK);
	if (before)
		buf_put(&c->out, before);
	buf_printf(&c->out, "\tleaq\t.Llfi_ret%d(%%rip),%%r11\n", k);
	if (n)
		buf_printf(&c->out, "\tjmpq\t*%d(%%r14)\n", n);
	else
		buf_put(&c->out, "\tjmpq\t*(%r14)\n");
	buf_put(&c->out, UNLOCK);
	buf_printf(&c->out, ".Llfi_ret%d:\n", k);
}

void emit_m4_begin(struct ctx *c)
{
	buf_put(&c->out, LOCK);
}

void emit_m4_end(struct ctx *c)
{
	buf_put(&c->out, "\torq\t%r14,%rsp\n" UNLOCK);
}

/* A direct call is E8 rel32: 5 bytes, padded in front to fill a bundle. */
void emit_direct_call(struct ctx *c, const struct insn *in)
{
	buf_put(&c->out, LOCK);
	emit_nops(c, 32 - 5);
	print_insn(&c->out, in);
	buf_put(&c->out, UNLOCK);
}

static const char *const string_ops[] = { "movs", "stos", "lods", "cmps",
					  "scas", NULL };

/* String instructions are recognised only without operands: with
 * operands, movsd/cmpsd are SSE instructions. */
bool string_insn(const struct insn *in, bool *rdi, bool *rsi)
{
	size_t n = strlen(in->mnem);
	if (in->nop || n < 4 || n > 5)
		return false;
	if (n == 5 && !strchr("bwlqd", in->mnem[4]))
		return false;
	for (int i = 0; string_ops[i]; i++) {
		if (strncmp(in->mnem, string_ops[i], 4))
			continue;
		*rdi = i != 2;			/* lods reads only %rsi */
		*rsi = i == 0 || i == 2 || i == 3;	/* movs, lods, cmps */
		return true;
	}
	return false;
}

/*
 * `lodsb (%rsi),%al`, `movsq (%rsi),(%rdi)`: the explicit-operand
 * spelling of a string instruction, which gas encodes with the address
 * size of the operands. SSE's movsd/cmpsd always name an %xmm register.
 */
bool string_insn_with_operands(const struct insn *in)
{
	struct insn bare = *in;
	bool rdi, rsi;

	if (!in->nop)
		return false;
	for (int i = 0; i < in->nop; i++)
		if (in->op[i].kind == OP_REG && in->op[i].reg->family == FAM_NONE)
			return false;	/* %xmm, %st: not a string instruction */
	bare.nop = 0;
	return string_insn(&bare, &rdi, &rsi);
}

/* M5 without its lock (M6 wraps it together with std/cld). */
void emit_m5_body(struct ctx *c, const struct insn *in)
{
	bool rdi = false, rsi = false;
	string_insn(in, &rdi, &rsi);
	if (rdi)
		buf_put(&c->out, "\tmovl\t%edi,%edi\n\tleaq\t(%r14,%rdi),%rdi\n");
	if (rsi)
		buf_put(&c->out, "\tmovl\t%esi,%esi\n\tleaq\t(%r14,%rsi),%rsi\n");
	print_insn(&c->out, in);
}
