/*
 * General- and local-dynamic TLS, as gcc -fPIC writes it:
 *
 *	data16 leaq x@tlsgd(%rip), %rdi		leaq x@tlsld(%rip), %rdi
 *	.byte 0x66 (or .value 0x6666)		call *__tls_get_addr@GOTPCREL(%rip)
 *	rex64
 *	call *__tls_get_addr@GOTPCREL(%rip)	(or call __tls_get_addr@PLT)
 *
 * (older gcc and ld's documentation write the data16 as `.byte 0x66`
 * before the leaq). The padding prefixes exist only so that ld can relax
 * the sequence in an executable by matching its bytes. We keep the leaq
 * (its TLSGD/TLSLD relocation makes ld create the DTPMOD64/DTPOFF64 GOT
 * entries), drop the padding and call through the GOT like any call
 * through memory, also for the @PLT form (no PLT in LFI links):
 *
 *	.bundle_lock
 *	8 bytes of NOPs
 *	leaq x@tlsgd(%rip),%rdi			7 bytes
 *	movq __tls_get_addr@GOTPCREL(%rip),%r11	7 bytes
 *	M2 on %r11				10 bytes, ends the bundle
 *	.bundle_unlock
 *
 * One locked group, so no padding can come between the leaq and the
 * load: the byte after the leaq is always the load's REX (0x4c), which
 * is none of the call encodings ld's relaxation looks for. In an
 * executable link ld therefore refuses the sequence ("TLS transition
 * from R_X86_64_TLSGD to ... failed") instead of rewriting bytes it does
 * not understand. A shared object keeps the call (ld never relaxes GD/LD
 * there). Every other use of x@tlsgd/x@tlsld is refused: we want no
 * TLSGD/TLSLD relocation whose bytes we did not write. A plain call of
 * __tls_get_addr elsewhere (musl's dynlink.c and dl_iterate_phdr.c call
 * it as a function) is an ordinary call: ld touches only code at
 * TLSGD/TLSLD relocations.
 */
#define _GNU_SOURCE	/* strcasestr */
#include "rewrite.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LEA_LEN 7	/* 48 8d 3d disp32 */
#define LOAD_LEN 7	/* 4c 8b 1d disp32 */

/* `x@tlsgd`, `x+8@tlsld`: the relocation is the last thing */
static bool ends_in_tls_dynamic(const char *text)
{
	const char *at = strchr(text, '@');
	return at && at != text && (!strcasecmp(at, "@tlsgd") ||
				    !strcasecmp(at, "@tlsld"));
}

/* Whether an operand names x@tlsgd or x@tlsld anywhere (also inside an
 * expression: those are refused, not passed through). */
bool names_tls_dynamic(const struct insn *in)
{
	for (int i = 0; i < in->nop; i++)
		if (strcasestr(in->op[i].text, "@tlsgd") ||
		    strcasestr(in->op[i].text, "@tlsld"))
			return true;
	return false;
}

/* `call __tls_get_addr`, `call __tls_get_addr@PLT`, `call
 * *__tls_get_addr@GOTPCREL(%rip)`: a branch operand naming it */
bool names_tls_get_addr(const struct insn *in)
{
	static const char name[] = "__tls_get_addr";
	const struct operand *op = &in->op[0];
	size_t n = sizeof name - 1;

	return in->nop == 1 && op->kind == OP_MEM &&
	       !strncmp(op->text, name, n) &&
	       (op->text[n] == '\0' || op->text[n] == '@');
}

/* The start of the sequence: any lea of x@tlsgd/x@tlsld. Its exact
 * shape is checked by rewrite_tls_dynamic. */
bool is_tls_dynamic_lea(const struct insn *in)
{
	return !strncmp(in->mnem, "lea", 3) && names_tls_dynamic(in);
}

static bool only_prefixes(const struct insn *in, const char *const *allowed)
{
	for (int i = 0; i < in->nprefix; i++) {
		int k = 0;
		while (allowed[k] && strcmp(in->prefix[i], allowed[k]))
			k++;
		if (!allowed[k])
			return false;
	}
	return true;
}

static const char *const lea_prefixes[] = { "data16", NULL };
static const char *const call_prefixes[] = { "data16", "rex64", NULL };

/* `[data16] leaq x@tlsgd(%rip),%rdi` (or @tlsld), nothing else */
static bool good_lea(const struct insn *in)
{
	const struct operand *m = &in->op[0], *r = &in->op[1];
	return (!strcmp(in->mnem, "leaq") || !strcmp(in->mnem, "lea")) &&
	       only_prefixes(in, lea_prefixes) && in->nop == 2 &&
	       m->kind == OP_MEM && !m->star && !m->seg && m->base &&
	       m->base->family == FAM_RIP && m->base->width == 64 &&
	       !m->index && !m->scale[0] && ends_in_tls_dynamic(m->text) &&
	       r->kind == OP_REG &&
	       r->reg->family == FAM_RDI && r->reg->width == 64;
}

/* `.byte 0x66`, `.value 0x6666` (and its synonyms): gcc's padding */
static bool padding_directive(const struct token *t, int n)
{
	static const char *const half[] = { ".value", ".word", ".short",
		".2byte", ".hword", NULL };
	if (n != 2 || t[1].kind != T_NUM)
		return false;
	unsigned long v = strtoul(t[1].s, NULL, 0);
	if (tok_is(&t[0], ".byte"))
		return v == 0x66;
	for (int i = 0; half[i]; i++)
		if (tok_is(&t[0], half[i]))
			return v == 0x6666;
	return false;
}

/* `rex64`, `data16` on a line of their own */
static bool padding_prefixes(const struct insn *in)
{
	return in->nop == 0 && only_prefixes(in, call_prefixes) &&
	       (!strcmp(in->mnem, "rex64") || !strcmp(in->mnem, "data16"));
}

/* `call *__tls_get_addr@GOTPCREL(%rip)` or a direct call of it */
static bool good_call(const struct insn *in)
{
	const struct operand *op = &in->op[0];
	if ((strcmp(in->mnem, "call") && strcmp(in->mnem, "callq")) ||
	    !only_prefixes(in, call_prefixes) || !names_tls_get_addr(in) ||
	    op->seg || op->index)
		return false;
	if (!op->star)
		return !op->parens && (!strcmp(op->text, "__tls_get_addr") ||
				       !strcasecmp(op->text, "__tls_get_addr@PLT"));
	return op->base && op->base->family == FAM_RIP &&
	       op->base->width == 64 &&
	       !strcasecmp(op->text, "__tls_get_addr@GOTPCREL");
}

/* `.byte 0x66` right before the leaq: the older spelling of its data16
 * (and the one in ld's documentation). It is padding too. */
bool tls_padding_before(const struct token *t, int n,
			const struct stmt *next, const struct stmt *end)
{
	struct token u[MAX_TOKENS];
	struct insn in;
	const char *why;
	int k = 0;

	if (!tok_is(&t[0], ".byte") || !padding_directive(t, n))
		return false;
	while (next < end && (k = lex(next->text, u, MAX_TOKENS, &why)) == 0)
		next++;
	return k > 0 && u[0].kind == T_IDENT && u[0].s[0] != '.' &&
	       !label_count(u, k) && parse_insn(u, k, &in, &why) == 0 &&
	       is_tls_dynamic_lea(&in);
}

enum step { STEP_SKIP, STEP_CALL, STEP_OTHER };

/* What one statement after the leaq is: padding (or an empty line),
 * the call, or anything else. */
static enum step classify(const struct stmt *s)
{
	struct token t[MAX_TOKENS];
	struct insn in;
	const char *why;
	int n = lex(s->text, t, MAX_TOKENS, &why);

	if (n == 0)
		return STEP_SKIP;
	if (n < 0 || t[0].kind != T_IDENT || label_count(t, n))
		return STEP_OTHER;
	if (t[0].s[0] == '.')
		return padding_directive(t, n) ? STEP_SKIP : STEP_OTHER;
	if (parse_insn(t, n, &in, &why) < 0)
		return STEP_OTHER;
	if (padding_prefixes(&in))
		return STEP_SKIP;
	return good_call(&in) ? STEP_CALL : STEP_OTHER;
}

static void emit_sequence(struct ctx *c, struct insn *lea)
{
	struct buf before = { 0 };

	lea->nprefix = 0;	/* data16 was padding for ld's pattern */
	strcpy(lea->mnem, "leaq");
	print_insn(&before, lea);
	buf_put(&before, "\tmovq\t__tls_get_addr@GOTPCREL(%rip),%r11\n");
	emit_m2_after(c, FAM_R11, before.p, LEA_LEN + LOAD_LEN);
	free(before.p);
}

/* How many statements after a TLS leaq belong to its sequence (the
 * last one is the call), or 0 when no call of __tls_get_addr follows
 * with nothing but padding between. */
int tls_dynamic_span(const struct stmt *next, const struct stmt *end)
{
	for (const struct stmt *s = next; s < end; s++) {
		enum step k = classify(s);
		if (k == STEP_CALL)
			return (int)(s - next) + 1;
		if (k == STEP_OTHER)
			break;
	}
	return 0;
}

/* lea is the instruction of statement next[-1]; returns how many of the
 * following statements the sequence consumed (the caller skips them). */
int rewrite_tls_dynamic(struct ctx *c, struct insn *lea,
			const struct stmt *next, const struct stmt *end)
{
	int span;

	if (!good_lea(lea))
		return fail(c, "x@tlsgd/x@tlsld: only `leaq x@tlsgd(%rip),%rdi` "
			       "(or x@tlsld) is supported"), 0;
	/* only gcc's padding may come between: no label, no other code */
	if (!(span = tls_dynamic_span(next, end)))
		return fail(c, "x@tlsgd/x@tlsld not directly followed by "
			       "`call *__tls_get_addr@GOTPCREL(%rip)`"), 0;
	emit_sequence(c, lea);
	return span;
}
