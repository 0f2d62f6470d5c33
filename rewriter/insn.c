/* Instruction statements: [prefixes] mnemonic [operand {, operand}]. */
#include "rewrite.h"
#include <string.h>

static const char *const prefix_words[] = {
	"rep", "repe", "repz", "repne", "repnz", "lock", "data16", "data32",
	"addr32", "addr16", "rex", "rex64", "rex.w", "notrack", "bnd",
	"xacquire", "xrelease", "cs", "ds", "es", "ss", "fs", "gs", NULL,
};

bool is_prefix_word(const char *s, int len)
{
	for (int i = 0; prefix_words[i]; i++)
		if ((int)strlen(prefix_words[i]) == len &&
		    strncmp(prefix_words[i], s, (size_t)len) == 0)
			return true;
	return false;
}

static bool copy_word(char *dst, size_t cap, const struct token *t)
{
	if ((size_t)t->len >= cap)
		return false;
	memcpy(dst, t->s, (size_t)t->len);
	dst[t->len] = '\0';
	return true;
}

int parse_insn(const struct token *t, int n, struct insn *in, const char **why)
{
	memset(in, 0, sizeof *in);
	int i = 0;
	/* prefix words followed by another word (`rep stosq`, `lock addl`) */
	while (i + 1 < n && t[i].kind == T_IDENT && t[i + 1].kind == T_IDENT &&
	       is_prefix_word(t[i].s, t[i].len)) {
		if (in->nprefix == MAX_PREFIXES) {
			*why = "too many prefixes";
			return -1;
		}
		copy_word(in->prefix[in->nprefix++], 16, &t[i]);
		i++;
	}
	if (i >= n || t[i].kind != T_IDENT ||
	    !copy_word(in->mnem, sizeof in->mnem, &t[i])) {
		*why = "no mnemonic";
		return -1;
	}
	i++;
	while (i < n) {
		int start = i, depth = 0;
		while (i < n && !(depth == 0 && tok_is(&t[i], ","))) {
			if (tok_is(&t[i], "("))
				depth++;
			else if (tok_is(&t[i], ")"))
				depth--;
			i++;
		}
		if (in->nop == MAX_OPERANDS) {
			*why = "too many operands";
			return -1;
		}
		if (parse_operand(&t[start], i - start, &in->op[in->nop++], why) < 0)
			return -1;
		if (i < n && ++i == n) {
			*why = "trailing comma";
			return -1;
		}
	}
	return 0;
}

void print_insn(struct buf *b, const struct insn *in)
{
	buf_put(b, "\t");
	for (int i = 0; i < in->nprefix; i++)
		buf_printf(b, "%s ", in->prefix[i]);
	buf_put(b, in->mnem);
	for (int i = 0; i < in->nop; i++) {
		buf_put(b, i ? "," : "\t");
		print_operand(b, &in->op[i]);
	}
	buf_put(b, "\n");
}
