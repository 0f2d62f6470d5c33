/* Operand parser and printer for AT&T syntax:
 *   %reg   %st(1)   $expr   *%reg   *mem
 *   mem = [%seg:] [disp] [ '(' [%base] [',' [%index] [',' scale]] ')' ]
 * The displacement is kept as text (it may be `.LC0+8`, `x@GOTPCREL`,
 * `-8`, `(.L5-.L4)`); only registers are interpreted. */
#include "rewrite.h"
#include <stdio.h>
#include <string.h>

static void copy_text(char *dst, size_t cap, const struct token *a,
                      const struct token *b)
{
	/* tokens point into the same statement: copy the source span,
	 * which keeps the user's spelling of the expression */
	size_t n = a == b ? 0 : (size_t)(b[-1].s + b[-1].len - a->s);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, a->s, n);
	dst[n] = '\0';
}

static const struct reg *gpr_tok(const struct token *t)
{
	if (t->kind != T_REG)
		return NULL;
	const struct reg *r = reg_lookup(t->s + 1, t->len - 1);
	return r && r->family != FAM_NONE ? r : NULL;
}

/* Parses "(base,index,scale)" spanning t[0..n-1] (t[0] is '('). */
static int parse_bis(const struct token *t, int n, struct operand *op,
                     const char **why)
{
	int i = 1;
	*why = "bad base/index/scale";
	if (i < n - 1 && t[i].kind == T_REG) {
		if (!(op->base = gpr_tok(&t[i++])))
			return -1;
	}
	if (i < n - 1 && tok_is(&t[i], ",")) {
		i++;
		if (i < n - 1 && t[i].kind == T_REG) {
			if (!(op->index = gpr_tok(&t[i++])))
				return -1;
		}
		if (i < n - 1 && tok_is(&t[i], ",")) {
			i++;
			if (i >= n - 1 || t[i].kind != T_NUM)
				return -1;
			copy_text(op->scale, sizeof op->scale, &t[i], &t[i + 1]);
			i++;
		}
	}
	if (i != n - 1 || (!op->base && !op->index))
		return -1;
	if (op->index && op->index->family == FAM_RIP)
		return -1;
	return 0;
}

/* The trailing parenthesised group, if it is a base/index group: its
 * first inner token is a register or a comma (not an expression). */
static int bis_start(const struct token *t, int n)
{
	if (n < 2 || !tok_is(&t[n - 1], ")"))
		return -1;
	int depth = 0;
	for (int i = n - 1; i >= 0; i--) {
		if (tok_is(&t[i], ")"))
			depth++;
		else if (tok_is(&t[i], "(") && --depth == 0)
			return (t[i + 1].kind == T_REG || tok_is(&t[i + 1], ","))
				? i : -1;
	}
	return -1;
}

static int parse_mem(const struct token *t, int n, struct operand *op,
                     const char **why)
{
	op->kind = OP_MEM;
	if (n >= 2 && t[0].kind == T_REG && tok_is(&t[1], ":")) {
		op->seg = reg_lookup(t[0].s + 1, t[0].len - 1);
		if (!op->seg || !op->seg->segment) {
			*why = "bad segment register";
			return -1;
		}
		t += 2;
		n -= 2;
	}
	int b = bis_start(t, n);
	if (b < 0) {
		b = n;
	} else {
		op->parens = true;
		if (parse_bis(&t[b], n - b, op, why) < 0)
			return -1;
	}
	for (int i = 0; i < b; i++) {
		if (t[i].kind == T_REG) {
			*why = "register inside an expression";
			return -1;
		}
		/* two names or numbers in a row are not an expression */
		bool word = t[i].kind == T_IDENT || t[i].kind == T_NUM;
		bool prev = i > 0 && (t[i - 1].kind == T_IDENT ||
				      t[i - 1].kind == T_NUM || tok_is(&t[i - 1], ")"));
		if (word && prev) {
			*why = "bad expression";
			return -1;
		}
	}
	copy_text(op->text, sizeof op->text, &t[0], &t[b]);
	if (b == 0 && !op->parens) {
		*why = "empty operand";
		return -1;
	}
	return 0;
}

int parse_operand(const struct token *t, int n, struct operand *op,
                  const char **why)
{
	memset(op, 0, sizeof *op);
	if (n > 0 && tok_is(&t[0], "*")) {
		op->star = true;
		t++;
		n--;
	}
	if (n == 0) {
		*why = "empty operand";
		return -1;
	}
	if (tok_is(&t[0], "$")) {
		if (n == 1 || op->star) {
			*why = "bad immediate";
			return -1;
		}
		op->kind = OP_IMM;
		copy_text(op->text, sizeof op->text, &t[1], &t[n]);
		return 0;
	}
	if (t[0].kind == T_REG && (n == 1 || !tok_is(&t[1], ":"))) {
		op->kind = OP_REG;
		op->reg = reg_lookup(t[0].s + 1, t[0].len - 1);
		if (!op->reg) {
			*why = "unknown register";
			return -1;
		}
		/* %st(N) */
		if (n == 4 && tok_is(&t[1], "(") && t[2].kind == T_NUM &&
		    tok_is(&t[3], ")") && strcmp(op->reg->name, "st") == 0) {
			snprintf(op->text, sizeof op->text, "(%.*s)", t[2].len, t[2].s);
			return 0;
		}
		if (n != 1) {
			*why = "junk after register";
			return -1;
		}
		return 0;
	}
	return parse_mem(t, n, op, why);
}

void print_operand(struct buf *b, const struct operand *op)
{
	if (op->star)
		buf_put(b, "*");
	switch (op->kind) {
	case OP_REG:
		buf_printf(b, "%%%s%s", op->reg->name, op->text);
		return;
	case OP_IMM:
		buf_printf(b, "$%s", op->text);
		return;
	case OP_MEM:
		if (op->seg)
			buf_printf(b, "%%%s:", op->seg->name);
		buf_put(b, op->text);
		if (!op->parens)
			return;
		buf_put(b, "(");
		if (op->base)
			buf_printf(b, "%%%s", op->base->name);
		if (op->index || op->scale[0])
			buf_put(b, ",");
		if (op->index)
			buf_printf(b, "%%%s", op->index->name);
		if (op->scale[0])
			buf_printf(b, ",%s", op->scale);
		buf_put(b, ")");
		return;
	}
}

bool operand_uses_family(const struct operand *op, int family)
{
	if (op->kind == OP_REG)
		return op->reg->family == family;
	if (op->kind == OP_MEM)
		return (op->base && op->base->family == family) ||
		       (op->index && op->index->family == family);
	return false;
}
