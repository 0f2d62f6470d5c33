/* One input through the pipeline:
     .c/.i  gcc -S (user flags + LFI flags) -> lfi-rewrite -> as -> lfi-verify
     .S     gcc -E                          -> lfi-rewrite -> as -> lfi-verify
     .s     lfi-rewrite -> as -> lfi-verify
   -S stops after lfi-rewrite; -E only runs gcc -E. Intermediates live in
   the private temp directory (one subdirectory per input); final outputs are
   written beside their destination and renamed into place. */
#include "driver.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Code-generation flags every C compile gets, after the user's flags so
   that they win (see README.md). */
static const char *const lfi_cflags[] = {
	"-ffixed-r11", "-ffixed-r14", "-mno-tls-direct-seg-refs", "-fno-plt",
	"-fcf-protection=none", NULL,
};

static const char *lang_name(enum lang l)
{
	switch (l) {
	case LANG_C: return "c";
	case LANG_CPP_OUT: return "cpp-output";
	case LANG_ASM: return "assembler";
	case LANG_ASM_CPP: return "assembler-with-cpp";
	default: return "none";
	}
}

/* The sysroot's headers instead of the host's (glibc's would describe
   another libc), then gcc's own (stddef.h, immintrin.h, ...). A user's
   -nostdinc (musl's own build) means neither. */
static void push_includes(struct argv *cmd, const struct options *o)
{
	const char *gcc_include;

	if (o->nostdinc)
		return;
	av_push(cmd, "-nostdinc");
	av_push(cmd, "-isystem");
	av_push(cmd, xasprintf("%s/include", sysroot_dir()));
	if ((gcc_include = host_cc_include())) {
		av_push(cmd, "-isystem");
		av_push(cmd, gcc_include);
	}
}

static void cc_base(struct argv *cmd, const struct options *o, const char *step)
{
	av_push(cmd, tool_cc());
	av_push(cmd, step);
	av_pushv(cmd, &o->cflags);
	for (const char *const *f = lfi_cflags; *f; f++)
		av_push(cmd, *f);
	push_includes(cmd, o);
}

/* First line of a file (static buffer), "" if none. */
static const char *first_line(const char *path)
{
	static char buf[4096];
	buf[0] = '\0';
	FILE *f = fopen(path, "r");
	if (!f)
		return buf;
	if (!fgets(buf, sizeof buf, f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return buf;
}

/* Print a file's lines to stderr with every occurrence of `from` replaced by
   `to` (temp names -> names the user knows). */
static void relay(const char *path, const char *from, const char *to)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char line[4096];
	size_t n = strlen(from);
	while (fgets(line, sizeof line, f)) {
		char *p = line, *q;
		while (n && (q = strstr(p, from))) {
			fwrite(p, 1, (size_t)(q - p), stderr);
			fputs(to, stderr);
			p = q + n;
		}
		fputs(p, stderr);
	}
	fclose(f);
}

/* The source line of assembly line `lineno`: the last `.loc FILE LINE`
   before it (only with -g). 0 if unknown. */
static long source_line(const char *asmpath, long lineno)
{
	FILE *f = fopen(asmpath, "r");
	if (!f)
		return 0;
	char buf[4096];
	long n = 0, src = 0;
	while (n < lineno && fgets(buf, sizeof buf, f)) {
		n++;
		const char *s = buf + strspn(buf, " \t");
		long file, line;
		if (sscanf(s, ".loc %ld %ld", &file, &line) == 2 && file == 1)
			src = line;
	}
	fclose(f);
	return src;
}

/* The rewriter refused: one line naming the input. Its message is
   `FILE:LINE: reason: statement`; for a compiled input FILE is the temp
   assembly, shown as INPUT.s, with the source line when .loc tells. */
static void rewrite_error(const struct input *in, const char *asmfile,
			  const char *shown, const char *errfile)
{
	const char *msg = first_line(errfile);
	if (!*msg) {
		error("%s: lfi-rewrite failed", in->path);
		return;
	}
	size_t n = strlen(asmfile);
	if (asmfile != in->path && strncmp(msg, asmfile, n) == 0 && msg[n] == ':') {
		long line = strtol(msg + n + 1, NULL, 10);
		long src = source_line(asmfile, line);
		if (src)
			error("%s: lfi-rewrite: %s%s [near %s:%ld]", in->path, shown, msg + n,
			      in->path, src);
		else
			error("%s: lfi-rewrite: %s%s", in->path, shown, msg + n);
	} else {
		error("%s: lfi-rewrite: %s", in->path, msg);
	}
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* -MD/-MMD: gcc would name the .d file and the target after its own -o
   (a temp file); name them after the final output instead. */
static void dep_flags(struct argv *cmd, const struct options *o, const char *final)
{
	if (!o->dep_md)
		return;
	if (!o->dep_mf) {
		av_push(cmd, "-MF");
		if (o->output) {
			const char *b = base_name(final);
			const char *dot = strrchr(b, '.');
			size_t n = dot && dot != b ? (size_t)(dot - final) : strlen(final);
			av_push(cmd, xasprintf("%.*s.d", (int)n, final));
		} else {
			av_push(cmd, replace_ext(final, ".d"));
		}
	}
	if (!o->dep_mt) {
		av_push(cmd, "-MT");
		av_push(cmd, final);
	}
}

static int status_of(int st, const struct input *in, const char *tool)
{
	if (st != 0)
		error("%s: %s failed (exit status %d)", in->path, tool, st);
	return st;
}

/* One input on its way to an object (or to LFI assembly with -S). */
struct job {
	const struct options *o;
	const struct input *in;
	const char *final;	/* the output the user asked for */
	const char *sub;	/* this input's private temp directory */
	const char *base;	/* base name for temp files and messages */
	const char *asmfile;	/* what the rewriter reads */
	const char *shown;	/* its name in messages, or NULL */
};

/* 1. C, .i or .S -> plain assembly in the temp directory. */
static int to_assembly(struct job *j)
{
	struct argv cmd = {0};
	int st;

	j->shown = xasprintf("%s.s", j->base);
	j->asmfile = xasprintf("%s/%s", j->sub, j->shown);
	cc_base(&cmd, j->o, j->in->lang == LANG_ASM_CPP ? "-E" : "-S");
	dep_flags(&cmd, j->o, j->final);
	av_push(&cmd, "-x");
	av_push(&cmd, lang_name(j->in->lang));
	av_push(&cmd, j->in->path);
	av_push(&cmd, "-o");
	av_push(&cmd, j->asmfile);
	st = run(&cmd, NULL, NULL, NULL);
	av_free(&cmd);
	return st ? status_of(st, j->in, tool_cc()) : 0;
}

/* 2. lfi-rewrite into `lfi`. */
static int rewrite(struct job *j, const char *lfi)
{
	char *errfile = xasprintf("%s/rewrite.err", j->sub);
	struct argv cmd = {0};
	int st;

	av_push(&cmd, tool_rewrite());
	av_push(&cmd, "-o");
	av_push(&cmd, lfi);
	if (strcmp(j->asmfile, "-"))
		av_push(&cmd, j->asmfile);
	st = run(&cmd, NULL, NULL, errfile);
	av_free(&cmd);
	if (st)
		rewrite_error(j->in, j->asmfile, j->shown, errfile);
	return st;
}

/* 3. as, with the user's -Wa flags. */
static int assemble(struct job *j, const char *lfi, const char *obj)
{
	struct argv cmd = {0};
	int st;

	av_push(&cmd, tool_as());
	av_push(&cmd, "--64");
	av_pushv(&cmd, &j->o->asflags);
	av_push(&cmd, "-o");
	av_push(&cmd, obj);
	av_push(&cmd, lfi);
	st = run(&cmd, NULL, NULL, NULL);
	av_free(&cmd);
	return st ? status_of(st, j->in, tool_as()) : 0;
}

/* lfi-verify --first: its first complaint, shown with the final name. */
int verify_output(const char *subject, const char *what, const char *file,
		  const char *shown, const char *scratch)
{
	char *vout = xasprintf("%s/verify.out", scratch);
	char *verr = xasprintf("%s/verify.err", scratch);
	struct argv cmd = {0};
	const char *msg;
	size_t n = strlen(file);
	int st;

	av_push(&cmd, tool_verify());
	av_push(&cmd, "--first");
	av_push(&cmd, "--call-ends");
	av_push(&cmd, file);
	st = run(&cmd, NULL, vout, verr);
	av_free(&cmd);
	if (!st)
		return 0;
	msg = first_line(vout);
	if (!*msg)
		msg = first_line(verr);
	if (strncmp(msg, file, n) == 0)
		error("%s: lfi-verify rejected %s: %s%s", subject, what, shown,
		      msg + n);
	else
		error("%s: lfi-verify rejected %s: %s", subject, what,
		      *msg ? msg : "(no message)");
	if (run_verbose)
		relay(vout, file, shown);
	return st;
}

/* 4. the object must verify. */
static int verify_object(struct job *j, const char *obj)
{
	return verify_output(j->in->path, "the object", obj, j->final, j->sub);
}

/* A fresh private temp directory for one input. */
static char *job_dir(const struct input *in)
{
	static unsigned seq;
	char *sub = tmp_path(xasprintf("%u", seq++));

	if (mkdir(sub, 0700) != 0) {
		error("%s: cannot create %s: %s", in->path, sub, strerror(errno));
		return NULL;
	}
	return sub;
}

static bool needs_cpp_or_cc(enum lang l)
{
	return l == LANG_C || l == LANG_CPP_OUT || l == LANG_ASM_CPP;
}

/* Link mode: a source input becomes a verified object in the temp
   directory (named like gcc's -c output in messages). */
int compile_for_link(const struct options *o, const struct input *in, char **obj)
{
	struct job j = { .o = o, .in = in, .asmfile = in->path };
	char *lfi;
	int st;

	j.final = replace_ext(in->path, ".o");
	j.base = strcmp(in->path, "-") ? base_name(in->path) : "stdin";
	if (!(j.sub = job_dir(in)))
		return 1;
	if (needs_cpp_or_cc(in->lang) && (st = to_assembly(&j)))
		return st;
	lfi = xasprintf("%s/%s.lfi.s", j.sub, j.base);
	*obj = xasprintf("%s/%s.o", j.sub, j.base);
	if ((st = rewrite(&j, lfi)) || (st = assemble(&j, lfi, *obj)))
		return st;
	return verify_object(&j, *obj);
}

int compile_input(const struct options *o, const struct input *in)
{
	const char *ext = o->mode == MODE_ASM ? ".s" : ".o";
	struct job j = { .o = o, .in = in, .asmfile = in->path };
	char *lfi, *obj;
	int st;

	j.final = o->output ? o->output : replace_ext(in->path, ext);
	j.base = strcmp(in->path, "-") ? base_name(in->path) : "stdin";
	if (in->lang == LANG_OBJECT)
		return 0; /* object files etc.: unused when not linking */
	if (!(j.sub = job_dir(in)))
		return 1;
	if (needs_cpp_or_cc(in->lang) && (st = to_assembly(&j)))
		return st;
	if (o->mode == MODE_ASM && strcmp(in->path, "-") &&
	    same_file(in->path, j.final)) {
		error("%s: -S would overwrite the input with its rewrite; use -o",
		      in->path);
		return 1;
	}
	lfi = o->mode == MODE_ASM ? tmp_beside(j.final) :
				    xasprintf("%s/%s.lfi.s", j.sub, j.base);
	if ((st = rewrite(&j, lfi)))
		return st;
	if (o->mode == MODE_ASM)
		return rename_into_place(lfi, j.final);
	obj = tmp_beside(j.final);
	if ((st = assemble(&j, lfi, obj)) || (st = verify_object(&j, obj)))
		return st;
	return rename_into_place(obj, j.final);
}

/* -E (and -M/-MM): gcc -E per input, to stdout or through a temp file. */
int preprocess_all(const struct options *o)
{
	int worst = 0;
	for (size_t i = 0; i < o->ninputs; i++) {
		const struct input *in = &o->inputs[i];
		if (in->lang == LANG_OBJECT)
			continue;
		struct argv cmd = {0};
		cc_base(&cmd, o, "-E");
		char *tmp = NULL;
		if (o->output && strcmp(o->output, "-")) {
			tmp = tmp_beside(o->output);
			if (o->dep_md && !o->dep_mt) {
				av_push(&cmd, "-MT");
				av_push(&cmd, o->output);
			}
			if (o->dep_md && !o->dep_mf) {
				av_push(&cmd, "-MF");
				av_push(&cmd, replace_ext(o->output, ".d"));
			}
		}
		av_push(&cmd, "-x");
		av_push(&cmd, lang_name(in->lang));
		av_push(&cmd, in->path);
		if (tmp) {
			av_push(&cmd, "-o");
			av_push(&cmd, tmp);
		}
		int st = run(&cmd, NULL, NULL, NULL);
		av_free(&cmd);
		if (st) {
			status_of(st, in, tool_cc());
			if (!worst)
				worst = st;
			continue;
		}
		if (tmp && rename_into_place(tmp, o->output) && !worst)
			worst = 1;
	}
	return worst;
}
