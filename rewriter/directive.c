/* Directives, sections and the labels that must be bundle-aligned. */
#include "rewrite.h"
#include <stdlib.h>
#include <string.h>

void symset_add(struct symset *s, const char *name, int len)
{
	if (symset_has(s, name, len))
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n++] = strndup(name, (size_t)len);
}

/* Linear search is fine for a first version (a few hundred names per
 * file); see "Unfinished" in README.md. */
bool symset_has(const struct symset *s, const char *name, int len)
{
	for (size_t i = 0; i < s->n; i++)
		if ((int)strlen(s->v[i]) == len && !strncmp(s->v[i], name, (size_t)len))
			return true;
	return false;
}

static bool is_data_directive(const struct token *t)
{
	static const char *const d[] = { ".quad", ".long", ".int", ".word",
		".short", ".byte", ".value", ".8byte", ".4byte", ".2byte",
		".hword", ".dc.a", ".dc.l", ".dc.q", ".dc.w", ".octa", NULL };
	for (int i = 0; d[i]; i++)
		if (tok_is(t, d[i]))
			return true;
	return false;
}

/* The name of a symbol token, without an @suffix (foo@PLT -> foo). */
static void add_sym(struct symset *s, const struct token *t)
{
	if (t->kind != T_IDENT)
		return;
	const char *at = memchr(t->s, '@', (size_t)t->len);
	symset_add(s, t->s, at ? (int)(at - t->s) : t->len);
}

/* @function, %function, "function" or STT_FUNC */
static bool func_type(const struct token *t)
{
	return tok_is(t, "@function") || tok_is(t, "%function") ||
	       tok_is(t, "\"function\"") || tok_is(t, "STT_FUNC");
}

/* Which labels may be the target of an indirect branch: functions, labels
 * named in data (jump tables, &&label arrays), labels whose address is
 * taken by lea or an immediate ($label). */
static void scan_stmt(struct ctx *c, const struct token *t, int n,
                      bool *debug)
{
	int i = 0;
	while (i + 1 < n && (t[i].kind == T_IDENT || t[i].kind == T_NUM) &&
	       tok_is(&t[i + 1], ":"))
		i += 2;
	if (i >= n)
		return;
	/* DWARF names every .LVL/.LFB/.LFE label from data; those are not
	 * branch targets, and aligning them would bloat -g code badly */
	if (tok_is(&t[i], ".section") || tok_is(&t[i], ".pushsection"))
		*debug = n - i >= 2 && t[i + 1].len >= 6 &&
			 !strncmp(t[i + 1].s, ".debug", 6);
	else if (tok_is(&t[i], ".text") || tok_is(&t[i], ".data") ||
		 tok_is(&t[i], ".bss") || tok_is(&t[i], ".popsection") ||
		 tok_is(&t[i], ".previous"))
		*debug = false;
	if (*debug)
		return;
	if (tok_is(&t[i], ".type") && n - i >= 4 && func_type(&t[n - 1])) {
		add_sym(&c->targets, &t[i + 1]);
		return;
	}
	if (is_data_directive(&t[i])) {
		for (int j = i + 1; j < n; j++)
			add_sym(&c->targets, &t[j]);
		return;
	}
	if (t[i].kind != T_IDENT || t[i].s[0] == '.')
		return;
	bool lea = strncmp(t[i].s, "lea", 3) == 0, imm = false;
	for (int j = i + 1; j < n; j++) {
		if (tok_is(&t[j], "$"))
			imm = true;
		else if (tok_is(&t[j], ","))
			imm = false;
		else if (lea || imm)
			add_sym(&c->targets, &t[j]);
	}
}

void scan_symbols(struct ctx *c, char **lines, size_t nlines)
{
	struct token toks[MAX_TOKENS];
	bool debug = false;
	for (size_t l = 0; l < nlines; l++) {
		char *copy = strdup(lines[l]), *stmts[MAX_STMTS], *comment;
		int ns = split_line(copy, stmts, MAX_STMTS, &comment);
		for (int s = 0; s < ns; s++) {
			const char *why;
			int n = lex(stmts[s], toks, MAX_TOKENS, &why);
			if (n > 0)
				scan_stmt(c, toks, n, &debug);
		}
		free(copy);
	}
}

void emit_label(struct ctx *c, const char *name, int len)
{
	if (c->in_code && symset_has(&c->targets, name, len))
		buf_put(&c->out, "\t.p2align 5\n");
	buf_printf(&c->out, "%.*s:\n", len, name);
}

/* Section state: .pushsection/.popsection nest, .previous swaps. */
#define MAX_DEPTH 32
static bool stack[MAX_DEPTH], previous;
static int depth;

static bool code_section(const struct token *t, int n)
{
	for (int i = 2; i < n; i++)
		if (t[i].kind == T_STR)
			return memchr(t[i].s, 'x', (size_t)t[i].len) != NULL;
	if (n < 2)
		return false;
	return (t[1].len >= 5 && !strncmp(t[1].s, ".text", 5)) ||
	       tok_is(&t[1], ".init") || tok_is(&t[1], ".fini");
}

static void set_section(struct ctx *c, bool code)
{
	previous = c->in_code;
	c->in_code = code;
}

static bool section_directive(struct ctx *c, const struct token *t, int n)
{
	if (tok_is(&t[0], ".text")) {
		set_section(c, true);
	} else if (tok_is(&t[0], ".data") || tok_is(&t[0], ".bss")) {
		set_section(c, false);
	} else if (tok_is(&t[0], ".section")) {
		set_section(c, code_section(t, n));
	} else if (tok_is(&t[0], ".pushsection")) {
		if (depth < MAX_DEPTH)
			stack[depth++] = c->in_code;
		set_section(c, code_section(t, n));
	} else if (tok_is(&t[0], ".popsection")) {
		if (depth > 0)
			c->in_code = stack[--depth];
	} else if (tok_is(&t[0], ".previous")) {
		set_section(c, previous);
	} else {
		return false;
	}
	return true;
}

bool handle_directive(struct ctx *c, const struct token *t, int n,
                      const char *text)
{
	static const char *const refused[] = { ".bundle_align_mode",
		".bundle_lock", ".bundle_unlock", ".code16", ".code32",
		".code16gcc", ".intel_syntax", NULL };
	for (int i = 0; refused[i]; i++)
		if (tok_is(&t[0], refused[i]))
			return fail(c, "directive not supported");
	section_directive(c, t, n);
	buf_printf(&c->out, "\t%s\n", text);
	return true;
}
