/*
 * Status flags live across a write of %rsp.
 *
 * `movq %rX,%rsp`, `leaq m,%rsp` and `leave` keep the flags, and gcc puts
 * them between a compare and its consumer; their M4 ends in `orq
 * %r14,%rsp`, which does not. For each such write we follow the flags the
 * input had before it through the control-flow graph of the file:
 *
 *  - basic blocks end at labels, branches and section directives;
 *    successors are direct jump targets and the fall-through;
 *  - ret, indirect jumps and calls end the walk: the ABI makes the flags
 *    dead there (and the rewrite of ret/indirect branches clobbers them
 *    anyway); so does a jump to a function entry (a tail call): a symbol
 *    the file does not define, or a label with a function .type;
 *  - a jump to a name defined by .set/.equ/.equiv/.eqv/= as another
 *    symbol (gcc's `.set fb,fa` for identical code folding) is a jump to
 *    that symbol: a tail call if it is a function entry, followed if it
 *    is any other label of the file; a name defined as any other
 *    expression, or more than once, is out of sight;
 *  - anything the walk cannot see (fall-through into another section or
 *    off the end, a jump to an unknown local label, data bytes or an
 *    unknown instruction in code) counts as reading every flag.
 *
 * When the flags are read, the rewrite saves the one condition they are
 * read for: `setCC %r11b` before the M4, `testb %r11b,%r11b` after it,
 * and each consumer (jCC/setCC/cmovCC) becomes `ne` (or `e` for the
 * negated condition). That is exact only if every read is such a
 * consumer of that condition, nothing writes any flag between the M4 and
 * a consumer, and a consumer is reached from the write alone (its block
 * and the blocks before it on the way have one predecessor and no label
 * named from anywhere but a direct branch). Everything else is refused.
 */
#include "rewrite.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TARGET_NONE = -1, TARGET_UNKNOWN = -2 };
enum ctl { C_NEXT, C_JUMP, C_BRANCH, C_END };

/* One instruction (or data statement) in an executable section. */
struct node {
	size_t stmt;
	struct flag_effect fx;
	bool opaque;		/* data bytes or an unknown instruction */
	enum rsp_write rsp;
	enum ctl ctl;
	char *target;		/* C_JUMP/C_BRANCH: label name, NULL if none */
	char mnem[32];
};

struct block {
	size_t first, end;	/* nodes [first, end) */
	int succ[2], nsucc;	/* block indices or TARGET_UNKNOWN */
	int npred;
	bool open;		/* entered from where we cannot see */
	bool falls;		/* may fall through to the next block */
};

struct cfg {
	struct node *node;
	size_t nnode, capnode;
	struct block *block;
	size_t nblock, capblock;
	int cur;		/* the block being filled, -1: start a new one */
	int last;		/* the latest block, -1 after a section change */
	bool next_open;		/* the next block starts after a section change */
	struct symset labels;	/* name -> block, -1 outside code */
	struct symset named;	/* names used other than as a jump target */
	struct symset equated;	/* .set/.equ/.equiv/.eqv/= names -> alias[]
				 * index, -1: not one symbol or redefined */
	char **alias;		/* the symbol each alias names */
	size_t nalias, capalias;
	struct symset funcs;	/* names with a function .type */
	struct symset numlabels;
	struct sections sec;
	bool debug;
};

static void *grow_array(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = *cap ? 2 * *cap : 256;
	p = realloc(p, *cap * size);
	if (!p) {
		perror("lfi-rewrite");
		exit(2);
	}
	return p;
}

/* A block has at most two successors: its fall-through (added once, by
 * new_block or lose_sight, when it becomes the latest block) and the
 * target of the branch that ends it (link_blocks). */
static void add_succ(struct block *b, int s)
{
	if (b->nsucc == 2) {
		fprintf(stderr, "lfi-rewrite: internal error: a third "
			"successor of a basic block\n");
		abort();
	}
	b->succ[b->nsucc++] = s;
}

static int new_block(struct cfg *g)
{
	int b = (int)g->nblock;
	g->block = grow_array(g->block, &g->capblock, g->nblock + 1,
			      sizeof *g->block);
	g->block[g->nblock++] = (struct block){ .first = g->nnode,
		.end = g->nnode, .falls = true, .open = g->next_open };
	g->next_open = false;
	if (g->last >= 0 && g->block[g->last].falls)
		add_succ(&g->block[g->last], b);
	g->last = g->cur = b;
	return b;
}

/* A section change or the end of the input: where the last block falls
 * through to, and who enters the next one, is out of sight. */
static void lose_sight(struct cfg *g)
{
	if (g->last >= 0 && g->block[g->last].falls)
		add_succ(&g->block[g->last], TARGET_UNKNOWN);
	g->last = g->cur = -1;
	g->next_open = true;
}

/* `jmp .L3`, `jne 1f`, `loop 2b`: the label, as the label table names it */
static char *branch_target(struct cfg *g, const struct insn *in)
{
	char inst[LABEL_MAX];
	const char *t = in->op[0].text;
	int len = (int)strlen(t);
	if (numlabel_ref(&g->numlabels, t, len, inst, sizeof inst))
		return strdup(inst);
	const char *at = strchr(t, '@');
	return strndup(t, at ? (size_t)(at - t) : (size_t)len);
}

static bool is_jump(const struct insn *in)
{
	return in->mnem[0] == 'j' || !strncmp(in->mnem, "loop", 4);
}

/* An instruction, or data bytes when in is NULL. */
static void add_node(struct cfg *g, size_t stmt, const struct insn *in)
{
	if (g->cur < 0)
		new_block(g);
	g->node = grow_array(g->node, &g->capnode, g->nnode + 1,
			     sizeof *g->node);
	struct node *n = &g->node[g->nnode++];
	struct block *b = &g->block[g->cur];
	memset(n, 0, sizeof *n);
	n->stmt = stmt;
	b->end = g->nnode;
	if (!in) {
		n->opaque = true;
		return;
	}
	flag_effect(in, &n->fx);
	strcpy(n->mnem, in->mnem);
	/* a prefix on its own line (`rep`) belongs to the next instruction */
	if (in->nop == 0 && is_prefix_word(in->mnem, (int)strlen(in->mnem)))
		n->fx = (struct flag_effect){ .cond = -1 };
	n->opaque = n->fx.unknown;
	n->rsp = rsp_write_kind(in);
	bool star = in->nop == 1 && in->op[0].star;
	if (!strncmp(in->mnem, "ret", 3) || (is_jump(in) && star))
		n->ctl = C_END;
	else if (is_jump(in) && in->nop == 1)
		n->ctl = strncmp(in->mnem, "jmp", 3) ? C_BRANCH : C_JUMP;
	if (n->ctl == C_JUMP || n->ctl == C_BRANCH)
		n->target = branch_target(g, in);
	if (n->ctl != C_NEXT) {
		b->falls = n->ctl == C_BRANCH;
		g->cur = -1;
	}
}

/* Names used other than as a direct jump target: data, lea, .globl,
 * .type, calls, ... Such a label may be entered from anywhere. */
static void mark_named(struct cfg *g, const struct token *t, int n)
{
	char inst[LABEL_MAX];
	for (int i = 0; i < n; i++) {
		if (t[i].kind == T_NUM && numlabel_ref(&g->numlabels, t[i].s,
						       t[i].len, inst, sizeof inst)) {
			symset_add(&g->named, inst, (int)strlen(inst));
		} else if (t[i].kind == T_IDENT) {
			const char *at = memchr(t[i].s, '@', (size_t)t[i].len);
			symset_add(&g->named, t[i].s,
				   at ? (int)(at - t[i].s) : t[i].len);
		}
	}
}

/* `.set A, B`, `.equ A, B`, `A = B`, `A == B` (eq: the token of A): B
 * is recorded when it is one symbol, a numeric label reference included;
 * otherwise its names are marked named (we do not evaluate expressions).
 * B is marked named only if A is (link_blocks): a jump to A is a jump to
 * B. */
static void define_alias(struct cfg *g, const struct token *t, int n,
                         const struct token *eq)
{
	const struct token *e = t + 2;
	int ne = n - 2;
	char inst[LABEL_MAX];
	char *to = NULL;
	if (ne > 0 && tok_is(&e[0], is_assignment(t, n) ? "=" : ",")) {
		e++;
		ne--;
	}
	if (ne == 1 && e[0].kind == T_NUM &&
	    numlabel_ref(&g->numlabels, e[0].s, e[0].len, inst, sizeof inst))
		to = strdup(inst);
	else if (ne == 1 && e[0].kind == T_IDENT && !tok_is(&e[0], ".") &&
		 !memchr(e[0].s, '@', (size_t)e[0].len))
		to = strndup(e[0].s, (size_t)e[0].len);
	else
		mark_named(g, e, ne);
	int *old = symset_find(&g->equated, eq->s, eq->len);
	if (old) {
		/* redefined: which value a use sees is out of sight, and
		 * every value may be entered wherever A is named */
		if (*old >= 0)
			symset_add(&g->named, g->alias[*old],
				   (int)strlen(g->alias[*old]));
		*old = -1;
		mark_named(g, e, ne);
		free(to);
		return;
	}
	int idx = -1;
	if (to) {
		g->alias = grow_array(g->alias, &g->capalias, g->nalias + 1,
				      sizeof *g->alias);
		g->alias[g->nalias] = to;
		idx = (int)g->nalias++;
	}
	symset_put(&g->equated, eq->s, eq->len, idx);
}

/* `a: b: 1:` in front of a statement: one new block in code */
static void define_labels(struct cfg *g, const struct token *t, int n)
{
	char inst[LABEL_MAX];
	int b = -1;
	for (int j = 0; j < n; j += 2) {
		const char *key = t[j].s;
		int len = t[j].len;
		if (numeric_label(key, len)) {
			numlabel_define(&g->numlabels, key, len, inst, sizeof inst);
			key = inst;
			len = (int)strlen(inst);
		}
		if (g->sec.in_code && b < 0)
			b = new_block(g);
		symset_put(&g->labels, key, len, b);
	}
}

/* Adds statement s[idx]; returns how many following statements to skip
 * (the padding inside a general/local-dynamic TLS sequence, which the
 * rewrite drops: it is not data, and the call ends the flags' life). */
static size_t add_stmt(struct cfg *g, const struct stmt *s, size_t idx,
		       size_t nstmt)
{
	struct token toks[MAX_TOKENS];
	struct insn in;
	const char *why;
	int n = lex(s[idx].text, toks, MAX_TOKENS, &why);
	if (n <= 0)
		return 0;	/* the rewrite reports what cannot be lexed */
	int k = label_count(toks, n);
	const struct token *t = toks + k;
	define_labels(g, toks, k);
	if ((n -= k) == 0)
		return 0;
	const struct token *eq = equated_name(t, n);
	if (eq) {
		define_alias(g, t, n, eq);
		return 0;
	}
	if (t[0].kind == T_IDENT && t[0].s[0] == '.') {
		track_debug(t, n, &g->debug);
		if (tok_is(&t[0], ".type") && n >= 4 && func_type(&t[n - 1]) &&
		    t[1].kind == T_IDENT)
			symset_add(&g->funcs, t[1].s, t[1].len);
		if (section_directive(&g->sec, t, n))
			lose_sight(g);
		else if (!g->debug)
			mark_named(g, t + 1, n - 1);
		if (g->sec.in_code && emits_data(&t[0]) &&
		    !tls_padding_before(t, n, s + idx + 1, s + nstmt))
			add_node(g, idx, NULL);
		return 0;
	}
	if (!g->sec.in_code) {
		mark_named(g, t, n);
		return 0;
	}
	if (parse_insn(t, n, &in, &why) < 0) {
		add_node(g, idx, NULL);
		return 0;
	}
	if (!(is_jump(&in) && in.nop == 1 && !in.op[0].star))
		mark_named(g, t, n);
	add_node(g, idx, &in);
	if (!is_tls_dynamic_lea(&in))
		return 0;
	int span = tls_dynamic_span(s + idx + 1, s + nstmt);
	return span ? (size_t)span - 1 : 0;
}

/* A jump to a name the file does not define: a tail call (the ABI makes
 * the flags dead) unless it is a local label we failed to see. */
static int unresolved(const char *name)
{
	size_t len = strlen(name);
	bool plain = len && strspn(name, "abcdefghijklmnopqrstuvwxyz"
			   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$") == len;
	if (!plain || !strncmp(name, ".L", 2) || !strcmp(name, "."))
		return TARGET_UNKNOWN;
	return TARGET_NONE;
}

/* The symbol name stands for after its .set/.equ/= aliases; NULL when an
 * alias on the way is an expression, defined twice or also a label, or
 * the chain is too long (a cycle). */
static const char *resolve_alias(const struct cfg *g, const char *name)
{
	for (int hops = 0; hops < 64; hops++) {
		int len = (int)strlen(name);
		int *a = symset_find(&g->equated, name, len);
		if (!a)
			return name;
		if (*a < 0 || symset_has(&g->labels, name, len))
			return NULL;
		name = g->alias[*a];
	}
	return NULL;
}

/* Where a direct jump to name goes: a block, TARGET_NONE for a tail call
 * (a function entry: the flags are dead there by the ABI), or
 * TARGET_UNKNOWN. */
static int jump_target(const struct cfg *g, const char *name)
{
	/* `.set fb, fa` (a function): a tail call like `jmp fa`; `.set x,
	 * .L5` (a label inside a function): followed like `jmp .L5`;
	 * `x = .+8`: we do not evaluate the expression */
	name = resolve_alias(g, name);
	if (!name)
		return TARGET_UNKNOWN;
	int len = (int)strlen(name);
	int *to = symset_find(&g->labels, name, len);
	if (!to)
		return unresolved(name);
	if (*to < 0)
		return TARGET_UNKNOWN;
	return symset_has(&g->funcs, name, len) ? TARGET_NONE : *to;
}

static void link_blocks(struct cfg *g)
{
	for (size_t b = 0; b < g->nblock; b++) {
		struct block *bl = &g->block[b];
		if (bl->end == bl->first || !g->node[bl->end - 1].target)
			continue;
		int s = jump_target(g, g->node[bl->end - 1].target);
		if (s != TARGET_NONE)
			add_succ(bl, s);
	}
	/* an alias named from anywhere (.globl, data, lea, call) makes what
	 * it names enterable from there */
	for (size_t i = 0; i < g->equated.cap; i++) {
		const char *key = g->equated.key[i];
		if (!key || g->equated.val[i] < 0 ||
		    !symset_has(&g->named, key, (int)strlen(key)))
			continue;
		const char *to = resolve_alias(g, key);
		if (to)
			symset_add(&g->named, to, (int)strlen(to));
	}
	for (size_t b = 0; b < g->nblock; b++)
		for (int i = 0; i < g->block[b].nsucc; i++)
			if (g->block[b].succ[i] >= 0)
				g->block[g->block[b].succ[i]].npred++;
	for (size_t i = 0; i < g->labels.cap; i++) {
		const char *key = g->labels.key[i];
		if (key && g->labels.val[i] >= 0 &&
		    symset_has(&g->named, key, (int)strlen(key)))
			g->block[g->labels.val[i]].open = true;
	}
}

static void free_symset(struct symset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->key[i]);
	free(s->key);
	free(s->val);
}

static void free_cfg(struct cfg *g)
{
	for (size_t i = 0; i < g->nnode; i++)
		free(g->node[i].target);
	free(g->node);
	free(g->block);
	free_symset(&g->labels);
	free_symset(&g->named);
	free_symset(&g->equated);
	for (size_t i = 0; i < g->nalias; i++)
		free(g->alias[i]);
	free(g->alias);
	free_symset(&g->funcs);
	free_symset(&g->numlabels);
}

/* ---- the walk from one %rsp write ---------------------------------------- */

struct walk {
	const struct cfg *g;
	const struct stmt *stmts;
	int start;			/* block of the write */
	unsigned char *seen;		/* per block: flags it was entered with */
	unsigned char *how;		/* per block: SEEN | DIRTY | SHARED */
	int *work, nwork;
	size_t consumer[64];
	int relation[64], nconsumer;
	char *error;
};
enum { SEEN = 1, DIRTY = 2, SHARED = 4 };

static bool refuse_as(struct walk *w, const char *what, const char *why,
                      const struct node *n)
{
	/* main appends the text of the %rsp write's own statement; name the
	 * statement at line N too */
	const char *text = w->stmts[n->stmt].text;
	while (*text == ' ' || *text == '\t')
		text++;
	int len = (int)strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' ||
			   text[len - 1] == '\r'))
		len--;
	char msg[512];
	snprintf(msg, sizeof msg, "%s %s at line %d (%.*s)", what, why,
		 w->stmts[n->stmt].line, len > 120 ? 120 : len, text);
	w->error = strdup(msg);
	return false;
}

static bool refuse(struct walk *w, const char *why, const struct node *n)
{
	return refuse_as(w, "status flags live across this %rsp write (its "
			 "M4 clobbers them)", why, n);
}

/* One node on a path from the write: state = flags still the input's,
 * how = DIRTY once any flag may have been written, SHARED once the path
 * left the blocks only the write leads to. */
static bool step(struct walk *w, const struct node *n, unsigned char *state,
                 int *how)
{
	unsigned char reads = n->opaque ? ALL_FLAGS : n->fx.reads;
	if (reads & *state) {
		if (n->opaque || n->fx.cond < 0)
			return refuse(w, "are read by an instruction that is "
				      "not jCC/setCC/cmovCC", n);
		if (*how & DIRTY)
			return refuse(w, "are read after another flag write", n);
		if (*how & SHARED)
			return refuse(w, "are read in code also reached from "
				      "elsewhere", n);
		int rel = w->nconsumer ? cond_relation(
			w->g->node[w->consumer[0]].fx.cond, n->fx.cond) : 1;
		if (!rel)
			return refuse(w, "are read for two different "
				      "conditions", n);
		if (w->nconsumer == 64)
			return refuse(w, "have too many readers", n);
		w->consumer[w->nconsumer] = (size_t)(n - w->g->node);
		w->relation[w->nconsumer++] = rel;
	}
	*state &= (unsigned char)~n->fx.must;
	if (n->fx.may || n->rsp != RSP_NONE)	/* M4 clobbers them too */
		*how |= DIRTY;
	return true;
}

/* Enter block b with (state, how); queue it if that is news. */
static void enter(struct walk *w, int b, unsigned char state, int how)
{
	const struct block *bl = &w->g->block[b];
	if (bl->open || bl->npred != 1 || b == w->start)
		how |= SHARED;
	if ((w->how[b] & SEEN) && (w->seen[b] | state) == w->seen[b] &&
	    (w->how[b] | how) == w->how[b])
		return;
	w->seen[b] |= state;
	w->how[b] |= (unsigned char)(how | SEEN);
	w->work[w->nwork++] = b;
}

/* Follows the flags from node `from` (in block `start`) to the end of
 * their life; collects the consumers or sets w->error. */
static bool walk_from(struct walk *w, size_t from)
{
	const struct cfg *g = w->g;
	int b = w->start, how = 0;
	unsigned char state = ALL_FLAGS;
	size_t i = from + 1;
	for (;;) {
		const struct block *bl = &g->block[b];
		for (; state && i < bl->end; i++)
			if (!step(w, &g->node[i], &state, &how))
				return false;
		if (state && (bl->end == bl->first ||
			      g->node[bl->end - 1].ctl != C_END)) {
			for (int s = 0; s < bl->nsucc; s++) {
				if (bl->succ[s] == TARGET_UNKNOWN)
					return refuse(w, "reach code the rewriter "
						      "cannot follow",
						      &g->node[bl->end > bl->first ?
							       bl->end - 1 : from]);
				enter(w, bl->succ[s], state, how);
			}
		}
		if (!w->nwork)
			return true;
		b = w->work[--w->nwork];
		state = w->seen[b];
		how = w->how[b] & (DIRTY | SHARED);
		i = g->block[b].first;
	}
}

/* The fixes for the write at node i of block b. */
static void plan_write(struct walk *w, int b, size_t i, struct flag_fix *fix)
{
	const struct node *n = &w->g->node[i];
	struct flag_fix *f = &fix[n->stmt];
	memset(w->seen, 0, w->g->nblock);
	memset(w->how, 0, w->g->nblock);
	w->start = b;
	w->nwork = w->nconsumer = 0;
	if (!walk_from(w, i)) {
		f->error = w->error;
		return;
	}
	if (!w->nconsumer)
		return;
	const struct node *c = &w->g->node[w->consumer[0]];
	if (n->rsp == RSP_SETS_FLAGS) {
		refuse_as(w, "the flags this add/sub/and of %rsp sets (M4 sets "
			  "others)", "are read", c);
		f->error = w->error;
		return;
	}
	snprintf(f->save, sizeof f->save, "set%s", cond_name(c->fx.cond));
	for (int k = 0; k < w->nconsumer; k++) {
		const struct node *u = &w->g->node[w->consumer[k]];
		cond_replace(u->mnem, u->fx.cond_at, u->fx.cond,
			     w->relation[k] > 0 ? "ne" : "e",
			     fix[u->stmt].mnem, sizeof fix[u->stmt].mnem);
	}
}

struct flag_fix *plan_flags(const struct stmt *s, size_t n)
{
	struct cfg g = { .cur = -1, .last = -1, .sec.in_code = true };
	for (size_t i = 0; i < n; i++)
		i += add_stmt(&g, s, i, n);
	lose_sight(&g);
	link_blocks(&g);

	struct flag_fix *fix = calloc(n + 1, sizeof *fix);
	/* a block is queued again only when what it is entered with grows:
	 * at most 6 flags + 2 bits, so 9 times */
	struct walk w = { .g = &g, .stmts = s,
		.seen = calloc(g.nblock + 1, 1), .how = calloc(g.nblock + 1, 1),
		.work = malloc((9 * g.nblock + 1) * sizeof *w.work) };
	if (!fix || !w.seen || !w.how || !w.work) {
		perror("lfi-rewrite");
		exit(2);
	}
	for (size_t b = 0; b < g.nblock; b++)
		for (size_t i = g.block[b].first; i < g.block[b].end; i++)
			if (g.node[i].rsp != RSP_NONE && g.node[i].rsp != RSP_OTHER)
				plan_write(&w, (int)b, i, fix);
	free(w.seen);
	free(w.how);
	free(w.work);
	free_cfg(&g);
	return fix;
}
