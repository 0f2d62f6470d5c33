/* Directives, sections and the labels that must be bundle-aligned. */
#include "rewrite.h"
#include <stdlib.h>
#include <string.h>

static bool in_list(const struct token *t, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (tok_is(t, list[i]))
			return true;
	return false;
}

/* Directives whose operands can name a label: jump tables, &&label
 * arrays, and .gcc_except_table's call-site entries (`.uleb128 .L3-.LFB0`
 * names the landing pad, which the unwinder enters by a masked jump). */
static bool is_data_directive(const struct token *t)
{
	static const char *const d[] = { ".quad", ".long", ".int", ".word",
		".short", ".byte", ".value", ".8byte", ".4byte", ".2byte",
		".hword", ".dc.a", ".dc.l", ".dc.q", ".dc.w", ".octa",
		".uleb128", ".sleb128", NULL };
	return in_list(t, d);
}

/* Directives that put bytes into the current section. */
bool emits_data(const struct token *t)
{
	static const char *const d[] = { ".ascii", ".asciz", ".string",
		".skip", ".space", ".fill", ".zero", ".incbin", ".insn",
		".float", ".double", ".single", ".tfloat", ".dc.s", ".dc.d",
		NULL };
	return is_data_directive(t) || in_list(t, d);
}

/* The number of tokens taken by `name:` label definitions in front of a
 * statement. */
int label_count(const struct token *t, int n)
{
	int i = 0;
	while (i + 1 < n && (t[i].kind == T_IDENT || t[i].kind == T_NUM) &&
	       tok_is(&t[i + 1], ":"))
		i += 2;
	return i;
}

/* What the label scan remembers while it reads the file. */
struct scan {
	struct symset numlabels;	/* numeric label definitions so far */
	struct symset globals;		/* .globl/.global/.weak names */
	struct symset typed;		/* names with a .type */
	bool debug;			/* inside a .debug* section */
};

/* The name of a symbol token, without an @suffix (foo@PLT -> foo); a
 * numeric label reference (1f, 2b) becomes the instance it means. */
static void add_sym(struct symset *s, const struct scan *sc,
                    const struct token *t)
{
	char inst[LABEL_MAX];
	if (t->kind == T_NUM &&
	    numlabel_ref(&sc->numlabels, t->s, t->len, inst, sizeof inst))
		symset_add(s, inst, (int)strlen(inst));
	if (t->kind != T_IDENT)
		return;
	const char *at = memchr(t->s, '@', (size_t)t->len);
	symset_add(s, t->s, at ? (int)(at - t->s) : t->len);
}

/* @function, %function, "function" or STT_FUNC, and the same for
 * gnu_indirect_function (an ifunc symbol is its resolver, which the
 * startup code calls through a pointer) */
bool func_type(const struct token *t)
{
	static const char *const f[] = { "@function", "%function",
		"\"function\"", "STT_FUNC", "@gnu_indirect_function",
		"%gnu_indirect_function", "\"gnu_indirect_function\"",
		"STT_GNU_IFUNC", NULL };
	return in_list(t, f);
}

void track_debug(const struct token *t, int n, bool *debug)
{
	if (tok_is(&t[0], ".section") || tok_is(&t[0], ".pushsection"))
		*debug = n >= 2 && t[1].len >= 6 &&
			 !strncmp(t[1].s, ".debug", 6);
	else if (tok_is(&t[0], ".text") || tok_is(&t[0], ".data") ||
		 tok_is(&t[0], ".bss") || tok_is(&t[0], ".popsection") ||
		 tok_is(&t[0], ".previous"))
		*debug = false;
}

/* .type, .globl and friends: which symbols are functions and which are
 * visible outside (hand-written .s often has no .type at all) */
static bool symbol_directive(struct ctx *c, struct scan *sc,
                             const struct token *t, int n)
{
	if (tok_is(&t[0], ".type") && n >= 4) {
		if (func_type(&t[n - 1]))
			add_sym(&c->targets, sc, &t[1]);
		add_sym(&sc->typed, sc, &t[1]);
		return true;
	}
	if (tok_is(&t[0], ".globl") || tok_is(&t[0], ".global") ||
	    tok_is(&t[0], ".weak")) {
		for (int j = 1; j < n; j++)
			add_sym(&sc->globals, sc, &t[j]);
		return true;
	}
	return false;
}

/* Which labels may be the target of an indirect branch: functions, global
 * labels, labels named in data (jump tables, &&label arrays, landing
 * pads), labels whose address is taken by lea or an immediate ($label). */
static void scan_stmt(struct ctx *c, struct scan *sc, const struct token *t,
                      int n)
{
	int i = label_count(t, n);
	char inst[LABEL_MAX];
	for (int j = 0; j < i; j += 2)
		if (numeric_label(t[j].s, t[j].len))
			numlabel_define(&sc->numlabels, t[j].s, t[j].len, inst,
					sizeof inst);
	t += i;
	n -= i;
	if (n <= 0)
		return;
	/* DWARF names every .LVL/.LFB/.LFE label from data; those are not
	 * branch targets, and aligning them would bloat -g code badly */
	track_debug(t, n, &sc->debug);
	if (sc->debug || symbol_directive(c, sc, t, n))
		return;
	if (is_data_directive(&t[0])) {
		for (int j = 1; j < n; j++)
			add_sym(&c->targets, sc, &t[j]);
		return;
	}
	if (t[0].kind != T_IDENT || t[0].s[0] == '.')
		return;
	bool lea = strncmp(t[0].s, "lea", 3) == 0, imm = false;
	for (int j = 1; j < n; j++) {
		if (tok_is(&t[j], "$"))
			imm = true;
		else if (tok_is(&t[j], ","))
			imm = false;
		else if (lea || imm)
			add_sym(&c->targets, sc, &t[j]);
	}
}

/* Global labels without a .type: entry points of hand-written code. A
 * .type other than a function type (@object) says it is not code. */
static void add_untyped_globals(struct ctx *c, const struct scan *sc)
{
	for (size_t i = 0; i < sc->globals.cap; i++) {
		const char *name = sc->globals.key[i];
		if (name && !symset_has(&sc->typed, name, (int)strlen(name)))
			symset_add(&c->targets, name, (int)strlen(name));
	}
}

void scan_symbols(struct ctx *c, const struct stmt *s, size_t n)
{
	struct token toks[MAX_TOKENS];
	struct scan sc = { 0 };
	for (size_t i = 0; i < n; i++) {
		const char *why;
		int k = lex(s[i].text, toks, MAX_TOKENS, &why);
		if (k > 0)
			scan_stmt(c, &sc, toks, k);
	}
	add_untyped_globals(c, &sc);
}

void emit_label(struct ctx *c, const char *name, int len)
{
	char inst[LABEL_MAX];
	const char *key = name;
	int klen = len;
	if (numeric_label(name, len)) {
		numlabel_define(&c->numlabels, name, len, inst, sizeof inst);
		key = inst;
		klen = (int)strlen(inst);
	}
	if (c->sec.in_code && symset_has(&c->targets, key, klen))
		buf_put(&c->out, "\t.p2align 5\n");
	buf_printf(&c->out, "%.*s:\n", len, name);
}

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

static void set_section(struct sections *s, bool code)
{
	s->previous = s->in_code;
	s->in_code = code;
}

/* Follows a section directive; false if t is none. */
bool section_directive(struct sections *s, const struct token *t, int n)
{
	if (tok_is(&t[0], ".text")) {
		set_section(s, true);
	} else if (tok_is(&t[0], ".data") || tok_is(&t[0], ".bss")) {
		set_section(s, false);
	} else if (tok_is(&t[0], ".section")) {
		set_section(s, code_section(t, n));
	} else if (tok_is(&t[0], ".pushsection")) {
		if (s->depth < SECTION_DEPTH)
			s->stack[s->depth++] = s->in_code;
		set_section(s, code_section(t, n));
	} else if (tok_is(&t[0], ".popsection")) {
		if (s->depth > 0)
			s->in_code = s->stack[--s->depth];
	} else if (tok_is(&t[0], ".previous")) {
		set_section(s, s->previous);
	} else {
		return false;
	}
	return true;
}

/* `name = expr`, `name == expr`: gas's spellings of .set and .eqv */
bool is_assignment(const struct token *t, int n)
{
	return n >= 2 && t[0].kind == T_IDENT && t[0].s[0] != '.' &&
	       tok_is(&t[1], "=");
}

/* The name a statement defines as an expression rather than as a label
 * (.set, .equ, .equiv, .eqv, =); NULL if none. */
const struct token *equated_name(const struct token *t, int n)
{
	static const char *const d[] = { ".set", ".equ", ".equiv", ".eqv",
					 NULL };
	if (is_assignment(t, n))
		return &t[0];
	return n >= 2 && in_list(&t[0], d) && t[1].kind == T_IDENT
	       ? &t[1] : NULL;
}

enum blind { NOT_BLIND, BLIND_OPEN, BLIND_MID, BLIND_CLOSE };

/* Conditional assembly and repetition: what gas assembles is not the
 * text the rewriter reads (the rewrite of a branch in `.if 0` is as dead
 * as the branch, yet the flag analysis would follow it), so no code may
 * be in them. gcc never emits them. */
static enum blind blind_kind(const struct token *t)
{
	static const char *const open[] = { ".rept", ".irp", ".irpc", NULL };
	static const char *const mid[] = { ".else", ".elseif", NULL };
	static const char *const close[] = { ".endif", ".endr", NULL };
	if ((t->len >= 3 && !strncmp(t->s, ".if", 3)) || in_list(t, open))
		return BLIND_OPEN;
	if (in_list(t, mid))
		return BLIND_MID;
	return in_list(t, close) ? BLIND_CLOSE : NOT_BLIND;
}

/* Refuses conditional assembly and repetition in executable sections,
 * and a switch into one inside them (`.data; .rept 2; .text`). */
static bool blind_ok(struct ctx *c, const struct token *t, int n)
{
	enum blind b = blind_kind(&t[0]);
	if (b != NOT_BLIND && c->sec.in_code)
		return fail(c, "conditional assembly or repetition in an "
			    "executable section is not supported");
	if (b == BLIND_OPEN)
		c->blind_depth++;
	else if (b == BLIND_CLOSE && c->blind_depth > 0)
		c->blind_depth--;
	section_directive(&c->sec, t, n);
	return !c->sec.in_code || !c->blind_depth ||
	       fail(c, "executable section inside conditional assembly or "
		    "repetition is not supported");
}

bool handle_directive(struct ctx *c, const struct token *t, int n,
                      const char *text)
{
	/* .macro: its uses would be assembled without being rewritten;
	 * .include: a whole file without being rewritten */
	static const char *const refused[] = { ".bundle_align_mode",
		".bundle_lock", ".bundle_unlock", ".code16", ".code32",
		".code16gcc", ".intel_syntax", ".macro", ".endm", ".exitm",
		".purgem", ".include", NULL };
	for (int i = 0; refused[i]; i++)
		if (tok_is(&t[0], refused[i]))
			return fail(c, "directive not supported");
	if (!blind_ok(c, t, n))
		return false;
	buf_printf(&c->out, "\t%s\n", text);
	return true;
}
