/* Classifying a gcc command line: mode (-c/-S/-E/link), output, inputs
   with their language, flags for gcc's compile step, for as, and for the
   (future) link step. Flags that would break the LFI scheme are refused
   here with one line naming the flag. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static bool is(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

/* gcc options whose argument is the next word when not attached. */
static const char *const cc_sep[] = {
	"-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote", "-idirafter",
	"-iprefix", "-iwithprefix", "-iwithprefixbefore", "-isysroot", "-imultilib",
	"-MF", "-MT", "-MQ", "-Xpreprocessor", "-aux-info", "--param", "-B", NULL,
};
/* options taking a separate argument that only matter when linking */
static const char *const link_sep[] = { "-L", "-l", "-Xlinker", "-u", "-T", "-z", NULL };

static enum lang lang_of_x(const char *x, int *bad)
{
	*bad = 0;
	if (!strcmp(x, "none"))
		return LANG_NONE;
	if (!strcmp(x, "c"))
		return LANG_C;
	if (!strcmp(x, "cpp-output"))
		return LANG_CPP_OUT;
	if (!strcmp(x, "assembler"))
		return LANG_ASM;
	if (!strcmp(x, "assembler-with-cpp"))
		return LANG_ASM_CPP;
	*bad = 1;
	return LANG_NONE;
}

static enum lang lang_of_ext(const char *path)
{
	const char *dot = strrchr(base_name(path), '.');
	if (!dot)
		return LANG_OBJECT;
	if (!strcmp(dot, ".c"))
		return LANG_C;
	if (!strcmp(dot, ".i"))
		return LANG_CPP_OUT;
	if (!strcmp(dot, ".s"))
		return LANG_ASM;
	if (!strcmp(dot, ".S") || !strcmp(dot, ".sx"))
		return LANG_ASM_CPP;
	return LANG_OBJECT;
}

/* -f flags that break the scheme. Returns the reason or NULL. */
static const char *bad_f(const char *a)
{
	if (starts(a, "-fcf-protection") && strcmp(a, "-fcf-protection=none") != 0)
		return "endbr64 and shadow-stack code are not LFI-x64 (only -fcf-protection=none)";
	if (!strcmp(a, "-fplt"))
		return "PLT stubs jump through memory unmasked (the driver compiles with -fno-plt)";
	if (starts(a, "-fcall-used-") || starts(a, "-fcall-saved-") || starts(a, "-ffixed-")) {
		const char *r = strrchr(a, '-') + 1;
		if (!strcmp(r, "r11") || !strcmp(r, "r14") || !strcmp(r, "rsp"))
			return "%r11 and %r14 are reserved by the sandbox";
	}
	if (!strcmp(a, "-fno-pie") || !strcmp(a, "-fno-PIE") ||
	    !strcmp(a, "-fno-pic") || !strcmp(a, "-fno-PIC"))
		return "absolute symbol addresses would be sandbox offsets, not "
		       "pointers: LFI code is position-independent";
	if (!strcmp(a, "-fsplit-stack"))
		return "split stacks compare %rsp with %fs:0x70 in a form the rewriter does not take";
	if (starts(a, "-fsanitize=") && strcmp(a, "-fsanitize=") != 0)
		return "sanitizers need their own runtime and shadow memory outside the sandbox";
	return NULL;
}

static const char *bad_m(const char *a)
{
	if (!strcmp(a, "-m32") || !strcmp(a, "-mx32") || !strcmp(a, "-m16"))
		return "LFI-x64 is 64-bit code only";
	if (!strcmp(a, "-mtls-direct-seg-refs"))
		return "%fs-relative accesses must go through the runtime (the driver uses -mno-tls-direct-seg-refs)";
	if (starts(a, "-mabi=") && strcmp(a, "-mabi=sysv") != 0)
		return "only the System V ABI is supported";
	if (!strcmp(a, "-mtls-dialect=gnu2"))
		return "TLS descriptor calls (call *x@TLSCALL(%rax)) are unmasked "
		       "indirect calls the rewriter does not take; use the default "
		       "-mtls-dialect=gnu";
	return NULL;
}

static void add_input(struct options *o, const char *path, enum lang forced)
{
	o->inputs = realloc(o->inputs, (o->ninputs + 1) * sizeof *o->inputs);
	if (!o->inputs) {
		error("out of memory");
		exit(1);
	}
	o->inputs[o->ninputs].path = path;
	o->inputs[o->ninputs].lang = forced != LANG_NONE ? forced : lang_of_ext(path);
	o->inputs[o->ninputs].link_pos = o->linkflags.n;
	o->ninputs++;
}

/* -Wa,a,b,c -> a b c */
static void split_commas(struct argv *to, const char *list)
{
	char *s = xstrdup(list);
	for (char *p = s, *c; p; p = c) {
		c = strchr(p, ',');
		if (c)
			*c++ = '\0';
		av_push(to, p);
	}
}

/* -v, --version, -print-*, -dump*: TAKEN (1) or NOT_MINE (0). */
static int parse_info_flag(struct options *o, const char *a)
{
	if (!strcmp(a, "-v"))
		o->verbose = true;
	else if (!strcmp(a, "--version"))
		o->version = true;
	else if (starts(a, "-print-file-name="))
		o->print_file_name = a + strlen("-print-file-name=");
	else if (starts(a, "-print-prog-name="))
		o->print_prog_name = a + strlen("-print-prog-name=");
	else if (!strcmp(a, "-dumpmachine"))
		o->dumpmachine = true;
	else if (!strcmp(a, "-dumpversion") || !strcmp(a, "-dumpfullversion"))
		o->dumpversion = true;
	else if (!strcmp(a, "-print-libgcc-file-name"))
		o->print_libgcc = true;
	else
		return 0;
	return 1;
}

/* The command line being read; each parse_* handles one family of flags. */
struct parser {
	int argc, i;
	char **argv;
	struct options *o;
	enum lang forced;	/* from -x */
	bool dep_only;		/* -M/-MM imply -E, like gcc */
};

/* The separate argument of argv[i], or NULL after an error message. */
static const char *next_arg(struct parser *p)
{
	if (p->i + 1 >= p->argc) {
		error("missing argument to '%s'", p->argv[p->i]);
		return NULL;
	}
	return p->argv[++p->i];
}

/* Results of the parse_* functions. */
enum { NOT_MINE, TAKEN, FAILED = -1 };

/* Inputs, mode, output, language, and the informational flags. */
static int parse_mode_flag(struct parser *p, const char *a)
{
	struct options *o = p->o;
	const char *x;
	int bad;

	if (a[0] != '-' || !strcmp(a, "-")) {
		if (!strcmp(a, "-") && p->forced == LANG_NONE) {
			error("-: input from stdin needs -x LANG before it");
			return FAILED;
		}
		add_input(o, a, p->forced);
	} else if (!strcmp(a, "-c")) {
		if (o->mode != MODE_PREPROCESS && o->mode != MODE_ASM)
			o->mode = MODE_COMPILE;
	} else if (!strcmp(a, "-S")) {
		if (o->mode != MODE_PREPROCESS)
			o->mode = MODE_ASM;
	} else if (!strcmp(a, "-E")) {
		o->mode = MODE_PREPROCESS;
	} else if (starts(a, "-o")) {
		o->output = a[2] ? a + 2 : next_arg(p);
		if (!o->output)
			return FAILED;
	} else if (starts(a, "-x")) {
		x = a[2] ? a + 2 : next_arg(p);
		if (!x)
			return FAILED;
		p->forced = lang_of_x(x, &bad);
		if (bad) {
			error("-x %s: language not supported (c, cpp-output, assembler, "
			      "assembler-with-cpp, none)", x);
			return FAILED;
		}
	} else {
		return parse_info_flag(o, a);
	}
	return TAKEN;
}

/* -lNAME for ld. The host's libgcc must never enter a sandboxed link: its
   names all mean the sysroot's own compiler builtins. */
static void push_lib(struct options *o, const char *name)
{
	if (!strcmp(name, "gcc") || !strcmp(name, "gcc_s") || !strcmp(name, "gcc_eh"))
		name = "builtins";
	av_push(&o->linkflags, xasprintf("-l%s", name));
}

/* gcc's link-mode flags without argument. */
static int parse_link_mode(struct options *o, const char *a)
{
	if (!strcmp(a, "-shared"))
		o->link_kind = LINK_SHARED;
	else if (!strcmp(a, "-static") || !strcmp(a, "-static-pie"))
		o->link_kind = LINK_STATIC_PIE;
	else if (!strcmp(a, "-r"))
		o->link_kind = LINK_RELOCATABLE;
	else if (!strcmp(a, "-nostdlib"))
		o->nostartfiles = o->nodefaultlibs = true;
	else if (!strcmp(a, "-nostartfiles"))
		o->nostartfiles = true;
	else if (!strcmp(a, "-nodefaultlibs"))
		o->nodefaultlibs = true;
	else if (!strcmp(a, "-nolibc"))
		o->nolibc = true;
	else if (!strcmp(a, "-rdynamic"))
		av_push(&o->linkflags, "--export-dynamic");
	else if (!strcmp(a, "-s"))
		o->strip = true;	/* after the post-link checks */
	else if (!strcmp(a, "-symbolic"))
		av_push(&o->linkflags, "-Bsymbolic");
	else if (strcmp(a, "-pie") && strcmp(a, "-static-libgcc") &&
		 strcmp(a, "-shared-libgcc"))
		return NOT_MINE;
	return TAKEN;
}

/* Linker flags with an argument, attached or separate. */
static int parse_link_arg(struct parser *p, const char *a)
{
	struct options *o = p->o;
	const char *arg;

	if (starts(a, "-Wl,")) {
		split_commas(&o->linkflags, a + 4);
		return TAKEN;
	}
	if (!is(a, link_sep) && !((starts(a, "-L") || starts(a, "-l")) && a[2]))
		return NOT_MINE;
	arg = is(a, link_sep) ? next_arg(p) : a + 2;
	if (!arg)
		return FAILED;
	if (!strcmp(a, "-Xlinker"))
		av_push(&o->linkflags, arg);
	else if (starts(a, "-l"))
		push_lib(o, arg);
	else if (starts(a, "-L"))
		av_push(&o->linkflags, xasprintf("-L%s", arg));
	else {
		av_push(&o->linkflags, a);	/* -u, -T, -z */
		av_push(&o->linkflags, arg);
	}
	return TAKEN;
}

/* Flags for as and for the link step. */
static int parse_tool_flag(struct parser *p, const char *a)
{
	struct options *o = p->o;
	const char *arg;

	if (!strcmp(a, "-no-pie")) {
		error("-no-pie: refused: LFI code is position-independent (absolute "
		      "addresses would be sandbox offsets, not pointers)");
		return FAILED;
	}
	if (starts(a, "-Wa,")) {
		split_commas(&o->asflags, a + 4);
	} else if (!strcmp(a, "-Xassembler")) {
		if (!(arg = next_arg(p)))
			return FAILED;
		av_push(&o->asflags, arg);
	} else if (parse_link_mode(o, a) == TAKEN) {
		return TAKEN;
	} else {
		return parse_link_arg(p, a);
	}
	return TAKEN;
}

/* -M, -MM, -MD, -MMD, -MF, -MT, -MQ: gcc's compile step writes the .d. */
static int parse_dep_flag(struct parser *p, const char *a)
{
	struct options *o = p->o;
	const char *arg;

	if (!strcmp(a, "-M") || !strcmp(a, "-MM")) {
		p->dep_only = true;
	} else if (!strcmp(a, "-MD") || !strcmp(a, "-MMD")) {
		o->dep_md = true;
	} else if (starts(a, "-MF") || starts(a, "-MT") || starts(a, "-MQ")) {
		if (a[2] == 'F')
			o->dep_mf = true;
		else
			o->dep_mt = true;
		if (!a[3]) {
			if (!(arg = next_arg(p)))
				return FAILED;
			av_push(&o->cflags, a);
			av_push(&o->cflags, arg);
			return TAKEN;
		}
	} else {
		return NOT_MINE;
	}
	av_push(&o->cflags, a);
	return TAKEN;
}

/* -f and -m flags (some refused), and gcc flags with a separate argument. */
static int parse_codegen_flag(struct parser *p, const char *a)
{
	const char *why = starts(a, "-f") ? bad_f(a) :
			  starts(a, "-m") ? bad_m(a) : NULL;
	const char *arg;

	if (why) {
		error("%s: refused: %s", a, why);
		return FAILED;
	}
	if (is(a, cc_sep)) {
		if (!(arg = next_arg(p)))
			return FAILED;
		av_push(&p->o->cflags, a);
		av_push(&p->o->cflags, arg);
		return TAKEN;
	}
	if (!strcmp(a, "-nostdinc"))
		p->o->nostdinc = true;
	/* -f*, -m*, -O*, -g*, -I.., -D.., -U.., -std=, -W*, -Wp,..., -w,
	   -pedantic, -ansi, -pthread, -MP, -C, -P, and anything gcc judges */
	av_push(&p->o->cflags, a);
	return TAKEN;
}

int parse_args(int argc, char **argv, struct options *o)
{
	struct parser p = { .argc = argc, .argv = argv, .o = o,
			    .forced = LANG_NONE };

	memset(o, 0, sizeof *o);
	for (p.i = 1; p.i < argc; p.i++) {
		const char *a = argv[p.i];
		int r = parse_mode_flag(&p, a);

		if (r == NOT_MINE)
			r = parse_tool_flag(&p, a);
		if (r == NOT_MINE)
			r = parse_dep_flag(&p, a);
		if (r == NOT_MINE)
			r = parse_codegen_flag(&p, a);
		if (r == FAILED)
			return 1;
	}
	if (p.dep_only)
		o->mode = MODE_PREPROCESS;
	return 0;
}
