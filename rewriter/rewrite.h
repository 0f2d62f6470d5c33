/* lfi-rewrite: shared types of the AT&T x86-64 -> LFI-x64 rewriter. */
#ifndef LFI_REWRITE_H
#define LFI_REWRITE_H

#include <stdbool.h>
#include <stddef.h>

/* ---- output buffer (out.c) ---------------------------------------------- */
struct buf { char *p; size_t len, cap; };
void buf_put(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- tokens of one statement (lex.c) ------------------------------------ */
enum tok_kind { T_IDENT, T_NUM, T_REG, T_STR, T_PUNCT, T_END };
struct token {
	enum tok_kind kind;
	const char *s;   /* points into the statement text */
	int len;
};
#define MAX_TOKENS 256
/* Tokenizes a statement (no comments, no ';'). Returns the token count, or
 * -1 with *why set when the text cannot be tokenized. */
int lex(const char *text, struct token *toks, int max, const char **why);
bool tok_is(const struct token *t, const char *s);

/* Splits one source line into statements at ';' outside strings and strips
 * a '#' comment. Returns the count; the comment (without '#') in *comment. */
#define MAX_STMTS 16
int split_line(char *line, char **stmts, int max, char **comment);
bool blank_c_comments(char *line, bool open);

/* ---- registers (regs.c) ------------------------------------------------- */
enum { FAM_RBX = 3, FAM_RSP = 4, FAM_RBP = 5, FAM_RSI = 6, FAM_RDI = 7, FAM_R11 = 11,
       FAM_R14 = 14, FAM_RIP = 16, FAM_NONE = -1 };
struct reg {
	const char *name;
	int family;     /* 0..15 general, FAM_RIP, FAM_NONE for non-GPRs */
	int width;      /* bits; 0 for non-GPRs */
	bool segment;
};
const struct reg *reg_lookup(const char *name, int len);
const char *reg_name(int family, int width);

/* ---- operands (operand.c) ----------------------------------------------- */
enum op_kind { OP_REG, OP_IMM, OP_MEM };
struct operand {
	enum op_kind kind;
	bool star;                 /* '*' of an indirect branch */
	const struct reg *reg;     /* OP_REG */
	char text[256];            /* OP_IMM: expression after '$';
	                              OP_MEM: displacement (may be empty) */
	const struct reg *seg;     /* OP_MEM: segment override or NULL */
	const struct reg *base, *index;
	char scale[8];             /* "" when absent */
	bool parens;               /* OP_MEM had a (base,index,scale) group */
};
int parse_operand(const struct token *t, int n, struct operand *op,
                  const char **why);
void print_operand(struct buf *b, const struct operand *op);
bool operand_uses_family(const struct operand *op, int family);

/* ---- instructions (insn.c, rewrite.c) ----------------------------------- */
#define MAX_PREFIXES 4
#define MAX_OPERANDS 4
struct insn {
	char prefix[MAX_PREFIXES][16];
	int nprefix;
	char mnem[32];
	struct operand op[MAX_OPERANDS];
	int nop;
};
int parse_insn(const struct token *t, int n, struct insn *in, const char **why);
void print_insn(struct buf *b, const struct insn *in);
bool is_prefix_word(const char *s, int len);

/* ---- symbols (symbols.c) ------------------------------------------------ */
/* A hash set of names, each with an int value. */
struct symset { char **key; int *val; size_t n, cap; };
void symset_add(struct symset *s, const char *name, int len);
bool symset_has(const struct symset *s, const char *name, int len);
int *symset_find(const struct symset *s, const char *name, int len);
void symset_put(struct symset *s, const char *name, int len, int val);
/* Numeric local labels: `seen` counts the definitions so far. */
#define LABEL_MAX 256
bool numeric_label(const char *s, int len);
void numlabel_define(struct symset *seen, const char *s, int len, char *out,
                     size_t cap);
bool numlabel_ref(const struct symset *seen, const char *s, int len,
                  char *out, size_t cap);

/* ---- statements and sections -------------------------------------------- */
struct stmt { int line; char *text; char *comment; };

/* Whether the current section is executable; .pushsection/.popsection
 * nest, .previous swaps. */
#define SECTION_DEPTH 32
struct sections {
	bool in_code, previous;
	bool stack[SECTION_DEPTH];
	int depth;
};
bool section_directive(struct sections *s, const struct token *t, int n);
void track_debug(const struct token *t, int n, bool *debug);
bool emits_data(const struct token *t);
int label_count(const struct token *t, int n);

/* ---- status flags (flags.c, liveflags.c) -------------------------------- */
enum { CF = 1, PF = 2, AF = 4, ZF = 8, SF = 16, OF = 32, ALL_FLAGS = 63 };
struct flag_effect {
	unsigned char reads;	/* flags the instruction reads */
	unsigned char must;	/* flags it writes on every execution */
	unsigned char may;	/* flags it may write (a superset of must) */
	int cond;		/* jCC/setCC/cmovCC: the condition, else -1 */
	int cond_at;		/* where the condition starts in the mnemonic */
	bool unknown;		/* not in the tables: reads everything */
};
void flag_effect(const struct insn *in, struct flag_effect *e);
int cond_of(const char *mnem, int *at);
const char *cond_name(int cond);
int cond_relation(int a, int b);
void cond_replace(const char *mnem, int at, int cond, const char *cc,
                  char *out, size_t cap);

/* What the rewrite of one statement must do so that status flags live
 * across an M4 (whose `orq %r14,%rsp` clobbers them) keep their meaning. */
struct flag_fix {
	const char *error;   /* refuse the statement with this reason */
	char save[8];        /* setCC: save the condition in %r11b before M4 */
	char mnem[32];       /* a consumer's new mnemonic (jne, sete, ...) */
};
struct flag_fix *plan_flags(const struct stmt *s, size_t n);

/* How an instruction writes %rsp (rewrite.c) */
enum rsp_write {
	RSP_NONE,
	RSP_KEEPS_FLAGS,	/* mov %rX / lea m / leave: M4 directly */
	RSP_KEEPS_FLAGS_R11,	/* mov mem: through %r11, then M4 */
	RSP_SETS_FLAGS,		/* add/sub/and */
	RSP_OTHER,		/* refused by the rewrite */
};
enum rsp_write rsp_write_kind(const struct insn *in);

/* ---- rewriting context -------------------------------------------------- */

struct ctx {
	const char *file;
	int line;
	const char *stmt;          /* statement text, for error messages */
	struct buf out;
	struct symset targets;     /* labels that must be bundle-aligned */
	struct symset numlabels;   /* definitions of numeric labels so far */
	struct sections sec;
	const struct flag_fix *fix;	/* for the current statement */
	int label_seq;             /* for unique .Llfi_N labels */
	int blind_depth;           /* open .if/.rept/.irp/.irpc */
	bool failed;
};
/* Reports "FILE:LINE: reason: statement" once; returns false. */
bool fail(struct ctx *c, const char *reason);

/* rewrite.c: one instruction; next/next2 are the following instructions
 * (or NULL) for std..cld; returns how many following ones it consumed. */
int rewrite_insn(struct ctx *c, struct insn *in, struct insn *next,
                 struct insn *next2);
/* macros.c: the macroinstruction emitters */
void emit_m1(struct ctx *c, int family);
void emit_m2(struct ctx *c, int family);
void emit_m2_after(struct ctx *c, int family, const char *before,
                   int before_len);
void emit_m3(struct ctx *c, int n, const char *before);
void emit_m4_begin(struct ctx *c);
void emit_m4_end(struct ctx *c);
void emit_direct_call(struct ctx *c, const struct insn *in);
bool string_insn_with_operands(const struct insn *in);
void emit_m5_body(struct ctx *c, const struct insn *in);
void emit_nops(struct ctx *c, int n);
bool string_insn(const struct insn *in, bool *rdi, bool *rsi);

/* tls.c: general- and local-dynamic TLS (leaq x@tlsgd(%rip),%rdi; call
 * __tls_get_addr); rewrite_tls_dynamic returns how many statements after
 * the leaq's it consumed */
bool is_tls_dynamic_lea(const struct insn *in);
bool names_tls_dynamic(const struct insn *in);
bool names_tls_get_addr(const struct insn *in);
bool tls_padding_before(const struct token *t, int n,
                        const struct stmt *next, const struct stmt *end);
int tls_dynamic_span(const struct stmt *next, const struct stmt *end);
int rewrite_tls_dynamic(struct ctx *c, struct insn *lea,
                        const struct stmt *next, const struct stmt *end);

/* directive.c */
void scan_symbols(struct ctx *c, const struct stmt *s, size_t n);
bool handle_directive(struct ctx *c, const struct token *t, int n,
                      const char *text);
bool is_assignment(const struct token *t, int n);
const struct token *equated_name(const struct token *t, int n);
/* the type token of `.type NAME, @function` (or an ifunc) */
bool func_type(const struct token *t);
void emit_label(struct ctx *c, const char *name, int len);

#endif
