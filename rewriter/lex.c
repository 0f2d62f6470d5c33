/* Tokenizer for one line of GNU AT&T assembly. Statements are split at ';'
 * and comments at '#' only outside string literals, so `.string "a;#b"`
 * survives intact. */
#include "rewrite.h"
#include <ctype.h>
#include <string.h>

/* Characters GNU as allows in symbol names (plus '@' for sym@PLT etc.,
 * which we keep inside the identifier: the suffix is part of the name as
 * far as rewriting is concerned). */
static bool ident_char(int ch)
{
	return isalnum(ch) || ch == '_' || ch == '.' || ch == '$' || ch == '@';
}

static int skip_string(const char *s, int i)
{
	for (i++; s[i] && s[i] != '"'; i++)
		if (s[i] == '\\' && s[i + 1])
			i++;
	return s[i] == '"' ? i + 1 : -1;
}

/*
 * GNU as also takes C comments, on one line or across lines (musl's .s
 * files start with one). Blank them out in place, so that line numbers
 * stay right; `#` comments and strings are left alone. Returns whether a
 * comment is still open at the end of the line.
 */
bool blank_c_comments(char *line, bool open)
{
	for (int i = 0; line[i]; i++) {
		if (open) {
			if (line[i] == '*' && line[i + 1] == '/') {
				line[i] = line[i + 1] = ' ';
				i++;
				open = false;
			} else {
				line[i] = ' ';
			}
		} else if (line[i] == '"') {
			int j = skip_string(line, i);
			if (j < 0)
				return false;
			i = j - 1;
		} else if (line[i] == '#') {
			return false;
		} else if (line[i] == '/' && line[i + 1] == '*') {
			line[i] = line[i + 1] = ' ';
			i++;
			open = true;
		}
	}
	return open;
}

int split_line(char *line, char **stmts, int max, char **comment)
{
	int n = 0;
	char *start = line;
	*comment = NULL;
	for (int i = 0;; i++) {
		char ch = line[i];
		if (ch == '"') {
			int j = skip_string(line, i);
			if (j < 0)
				break;	/* unterminated: let the lexer report it */
			i = j - 1;
			continue;
		}
		if (ch == '#' || ch == ';' || ch == '\0') {
			if (n < max)
				stmts[n++] = start;
			line[i] = '\0';
			if (ch == '#')
				*comment = line + i + 1;
			if (ch != ';')
				return n;
			start = line + i + 1;
		}
	}
	if (n < max)
		stmts[n++] = start;
	return n;
}

static int lex_one(const char *s, int i, struct token *t, const char **why)
{
	int ch = (unsigned char)s[i];
	t->s = s + i;
	if (ch == '"') {
		int j = skip_string(s, i);
		if (j < 0) {
			*why = "unterminated string";
			return -1;
		}
		t->kind = T_STR;
		return j;
	}
	if (ch == '%') {
		int j = i + 1;
		while (isalnum((unsigned char)s[j]))
			j++;
		if (j == i + 1) {
			*why = "'%' without a register name";
			return -1;
		}
		t->kind = T_REG;
		return j;
	}
	if (isdigit(ch)) {
		int j = i;
		while (isalnum((unsigned char)s[j]))
			j++;
		t->kind = T_NUM;	/* 12, 0x1f, 1f / 1b local label refs */
		return j;
	}
	if (ident_char(ch) && ch != '$') {
		int j = i;
		while (ident_char((unsigned char)s[j]))
			j++;
		t->kind = T_IDENT;
		return j;
	}
	if (strchr("$()*,:+-/<>&|^~!=[]{}'\\", ch)) {
		int j = i + 1;
		/* two-character operators of gas expressions */
		if ((ch == '<' || ch == '>') && s[j] == ch)
			j++;
		t->kind = T_PUNCT;
		return j;
	}
	*why = "unexpected character";
	return -1;
}

int lex(const char *text, struct token *toks, int max, const char **why)
{
	int n = 0, i = 0;
	for (;;) {
		while (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' ||
		       text[i] == '\f' || text[i] == '\v')
			i++;
		if (!text[i])
			break;
		if (n + 1 >= max) {
			*why = "statement too long";
			return -1;
		}
		int j = lex_one(text, i, &toks[n], why);
		if (j < 0)
			return -1;
		toks[n].len = j - i;
		n++;
		i = j;
	}
	toks[n].kind = T_END;
	toks[n].s = text + i;
	toks[n].len = 0;
	return n;
}

bool tok_is(const struct token *t, const char *s)
{
	return (int)strlen(s) == t->len && strncmp(t->s, s, (size_t)t->len) == 0;
}
