/* lfi-rewrite [-o OUT] [INPUT]: GNU AT&T x86-64 assembly -> LFI-x64.
 * Exit 0 on success, 1 when the input cannot be rewritten safely (one
 * line FILE:LINE: reason: statement), 2 on usage or I/O errors. */
#include "rewrite.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool fail(struct ctx *c, const char *reason)
{
	if (!c->failed) {	/* the first error is the one that matters */
		const char *s = c->stmt;
		while (*s == ' ' || *s == '\t')
			s++;
		int n = (int)strlen(s);
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
				 s[n - 1] == '\r'))
			n--;
		fprintf(stderr, "%s:%d: %s: %.*s\n", c->file, c->line, reason, n, s);
	}
	c->failed = true;
	return false;
}

static void die(const char *what, const char *name)
{
	fprintf(stderr, "lfi-rewrite: %s: %s: %s\n", what, name, strerror(errno));
	exit(2);
}

static char *read_all(FILE *f, const char *name)
{
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;
	buf_put(&b, "");
	while ((n = fread(chunk, 1, sizeof chunk - 1, f)) > 0) {
		chunk[n] = '\0';
		if (memchr(chunk, '\0', n)) {
			fprintf(stderr, "lfi-rewrite: %s: NUL byte in input\n", name);
			exit(2);
		}
		buf_put(&b, chunk);
	}
	if (ferror(f))
		die("cannot read", name);
	return b.p;
}

static char **split_lines(char *text, size_t *n)
{
	size_t cap = 1024;
	char **v = malloc(cap * sizeof *v);
	*n = 0;
	for (char *p = text; p;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (*n == cap)
			v = realloc(v, (cap *= 2) * sizeof *v);
		if (nl || *p)
			v[(*n)++] = p;
		p = nl ? nl + 1 : NULL;
	}
	return v;
}

/* Parses statement s as an instruction without labels (for lookahead). */
static bool plain_insn(const struct stmt *s, struct insn *in)
{
	struct token t[MAX_TOKENS];
	const char *why;
	int n = lex(s->text, t, MAX_TOKENS, &why);
	if (n <= 0 || t[0].kind != T_IDENT || t[0].s[0] == '.' ||
	    (n > 1 && tok_is(&t[1], ":")))
		return false;
	return parse_insn(t, n, in, &why) == 0;
}

/* A statement of prefixes only (`rep` on its own line, `rep; movsb`)
 * belongs to the next instruction: keep it until then, so it can never
 * attach itself to an instruction we insert. */
static char pending[MAX_PREFIXES][16];
static int pending_n;

static bool take_prefixes(struct ctx *c, struct insn *in)
{
	if (in->nop == 0 && is_prefix_word(in->mnem, (int)strlen(in->mnem))) {
		for (int i = 0; i <= in->nprefix; i++) {
			if (pending_n == MAX_PREFIXES)
				return fail(c, "too many prefixes"), true;
			strcpy(pending[pending_n++],
			       i < in->nprefix ? in->prefix[i] : in->mnem);
		}
		return true;
	}
	if (pending_n + in->nprefix > MAX_PREFIXES)
		return fail(c, "too many prefixes"), true;
	memmove(in->prefix[pending_n], in->prefix[0], sizeof in->prefix[0] * (size_t)in->nprefix);
	memcpy(in->prefix[0], pending[0], sizeof pending[0] * (size_t)pending_n);
	in->nprefix += pending_n;
	pending_n = 0;
	return false;
}

/* Handles one statement; returns how many following ones it consumed. */
static int do_stmt(struct ctx *c, struct stmt *s, struct stmt *end)
{
	struct token t[MAX_TOKENS];
	const char *why;
	c->line = s->line;
	c->stmt = s->text;
	int n = lex(s->text, t, MAX_TOKENS, &why);
	if (n < 0)
		return fail(c, why), 0;
	int i = 0;
	while (i + 1 < n && (t[i].kind == T_IDENT || t[i].kind == T_NUM) &&
	       tok_is(&t[i + 1], ":")) {
		emit_label(c, t[i].s, t[i].len);
		i += 2;
	}
	if (i == n)
		return 0;
	if (pending_n && i > 0)
		return fail(c, "prefix before a label"), 0;
	if ((t[i].kind == T_IDENT && t[i].s[0] == '.') ||
	    is_assignment(&t[i], n - i)) {
		if (pending_n)
			return fail(c, "prefix before a directive"), 0;
		if (c->sec.in_code &&
		    tls_padding_before(&t[i], n - i, s + 1, end))
			return 0;	/* dropped with its TLS sequence */
		handle_directive(c, &t[i], n - i, t[i].s);
		return 0;
	}
	static struct insn in, next, next2;	/* large: keep off the stack */
	if (parse_insn(&t[i], n - i, &in, &why) < 0)
		return fail(c, why), 0;
	if (take_prefixes(c, &in))
		return 0;
	if (is_tls_dynamic_lea(&in))	/* a sequence of several statements */
		return rewrite_tls_dynamic(c, &in, s + 1, end);
	bool h1 = s + 1 < end && plain_insn(s + 1, &next);
	bool h2 = h1 && s + 2 < end && plain_insn(s + 2, &next2);
	return rewrite_insn(c, &in, h1 ? &next : NULL, h2 ? &next2 : NULL);
}

static struct stmt *statements(char **lines, size_t nl, size_t *ns)
{
	size_t cap = nl * 2 + 1;
	struct stmt *v = malloc(cap * sizeof *v);
	bool in_comment = false;

	*ns = 0;
	for (size_t l = 0; l < nl; l++) {
		char *parts[MAX_STMTS], *comment;
		int k;

		in_comment = blank_c_comments(lines[l], in_comment);
		k = split_line(lines[l], parts, MAX_STMTS, &comment);
		for (int j = 0; j < k; j++) {
			if (*ns == cap)
				v = realloc(v, (cap *= 2) * sizeof *v);
			v[(*ns)++] = (struct stmt){ (int)l + 1, parts[j],
						    j == k - 1 ? comment : NULL };
		}
	}
	return v;
}

static void write_output(const struct buf *b, const char *out)
{
	if (!out) {
		if (fwrite(b->p, 1, b->len, stdout) != b->len || fflush(stdout))
			die("cannot write", "<stdout>");
		return;
	}
	/* temp file in the same directory, renamed into place: no partial
	 * output even if we are killed */
	size_t n = strlen(out);
	char *tmp = malloc(n + 16);
	snprintf(tmp, n + 16, "%s.tmpXXXXXX", out);
	int fd = mkstemp(tmp);
	if (fd < 0)
		die("cannot create", tmp);
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, 0666 & ~um);
	FILE *f = fdopen(fd, "w");
	if (!f || fwrite(b->p, 1, b->len, f) != b->len || fclose(f)) {
		unlink(tmp);
		die("cannot write", tmp);
	}
	if (rename(tmp, out)) {
		unlink(tmp);
		die("cannot rename to", out);
	}
	free(tmp);
}

static void usage(void)
{
	fprintf(stderr, "usage: lfi-rewrite [-o OUT] [INPUT]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *out = NULL, *in = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "o:h")) != -1) {
		if (opt == 'o')
			out = optarg;
		else
			usage();
	}
	if (argc - optind > 1)
		usage();
	if (optind < argc && strcmp(argv[optind], "-") != 0)
		in = argv[optind];
	FILE *f = in ? fopen(in, "r") : stdin;
	if (!f)
		die("cannot open", in);
	char *text = read_all(f, in ? in : "<stdin>");
	if (in)
		fclose(f);

	struct ctx c = { .file = in ? in : "<stdin>", .sec.in_code = true };
	size_t nl, ns;
	char **lines = split_lines(text, &nl);
	struct stmt *s = statements(lines, nl, &ns);
	scan_symbols(&c, s, ns);
	struct flag_fix *fixes = plan_flags(s, ns);
	buf_put(&c.out, "\t.bundle_align_mode 5\n");
	for (size_t i = 0; i < ns; i++) {
		c.fix = &fixes[i];
		i += (size_t)do_stmt(&c, &s[i], s + ns);
		if (s[i].comment)
			buf_printf(&c.out, "#%s\n", s[i].comment);
	}
	if (pending_n && !c.failed)
		fail(&c, "prefix at the end of the input");
	if (c.failed)
		return 1;
	write_output(&c.out, out);
	return 0;
}
