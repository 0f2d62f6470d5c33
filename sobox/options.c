/*
 * options.c - sobox's command line, and the defaults it derives from
 * INPUT: OUT, the box API's prefix (-lib) and OUT's SONAME.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sobox.h"

static const char usage_line[] =
	"usage: sobox [-map NAME=PATH]... [-o OUT] [-export SYM,SYM] [-lib NAME]\n"
	"             [-soname NAME] [-cc CC] [-dir DIR] [-lazy] [-V] [-show-exports]\n"
	"             [--help] INPUT\n";

static void help(void)
{
	fputs(usage_line, stdout);
	fputs("\nINPUT is libfoo.lfi.so (or libfoo.a) built with x86_64-lfi-linux-musl-gcc;\n"
	      "sobox writes libfoo.box.so, a host library whose functions run it in a box.\n\n"
	      "  -o OUT          the output (default: libfoo.box.so next to INPUT)\n"
	      "  -map NAME=PATH  a file or directory the box sees at NAME (repeatable)\n"
	      "  -export SYM,..  export only these functions (repeatable)\n"
	      "  -lib NAME       prefix of the box API, NAME_box_* (default: foo)\n"
	      "  -soname NAME    OUT's SONAME (default: INPUT's without .lfi)\n"
	      "  -cc CC          the host C compiler (default: gcc)\n"
	      "  -dir DIR        build in DIR and keep it (default: a temporary one)\n"
	      "  -lazy           make the box at the first call, not when loaded\n"
	      "  -V              show the commands run\n"
	      "  -show-exports   print the exports and their signatures, build nothing\n",
	      stdout);
}

/* One line saying what is wrong, then the usage; exit status 2. */
static int bad_usage(const char *what, const char *arg)
{
	fprintf(stderr, "sobox: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
	fputs(usage_line, stderr);
	return 2;
}

static int push(char ***list, size_t *n, char *s)
{
	char **grown = realloc(*list, (*n + 1) * sizeof **list);

	if (!grown || !s)
		return -1;
	*list = grown;
	(*list)[(*n)++] = s;
	return 0;
}

/* -export a,b -export c: every name, none empty. */
static int add_only(struct opts *o, const char *arg)
{
	char *copy = strdup(arg), *save = NULL;

	if (!copy || !*arg || arg[strlen(arg) - 1] == ',' || *arg == ',' ||
	    strstr(arg, ",,"))
		return free(copy), -1;
	for (char *s = strtok_r(copy, ",", &save); s; s = strtok_r(NULL, ",", &save))
		if (push(&o->only, &o->n_only, strdup(s)))
			return free(copy), -1;
	free(copy);
	return 0;
}

static int takes_value(const char *a)
{
	static const char *const names[] = { "-o", "-dir", "-cc", "-map", "-export",
					     "-lib", "-soname" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(a, names[i]))
			return 1;
	return 0;
}

/* An option that takes a value; 0, or the exit status after a message. */
static int option(struct opts *o, const char *a, const char *v)
{
	const char *eq = strchr(v, '=');

	if (!strcmp(a, "-o") || !strcmp(a, "-dir") || !strcmp(a, "-cc")) {
		if (!*v)
			return bad_usage(a, "an empty argument");
		*(a[1] == 'o' ? &o->out : a[1] == 'd' ? &o->dir : &o->cc) = v;
	} else if (!strcmp(a, "-map")) {
		if (!eq || eq == v || !eq[1])
			return bad_usage("-map wants NAME=PATH", v);
		if (push(&o->maps, &o->n_maps, (char *)v))
			return bad_usage("out of memory", NULL);
	} else if (!strcmp(a, "-export")) {
		if (add_only(o, v))
			return bad_usage("-export wants SYM,SYM", v);
	} else if (!strcmp(a, "-lib")) {
		if (!c_name(v))
			return bad_usage("-lib wants a C identifier", v);
		o->lib = v;
	} else if (!*v || strchr(v, '/')) {	/* -soname */
		return bad_usage("-soname wants a file name", v);
	} else {
		o->soname = v;
	}
	return 0;
}

int parse_options(int argc, char **argv, struct opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int st;

		if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			return help(), 0;
		if (!strcmp(a, "-V"))
			o->verbose = 1;
		else if (!strcmp(a, "-show-exports"))
			o->show_exports = 1;
		else if (!strcmp(a, "-lazy"))
			o->lazy = 1;
		else if (takes_value(a) && i + 1 == argc)
			return bad_usage("a value is missing after", a);
		else if (takes_value(a) && (st = option(o, a, argv[++i])))
			return st;
		else if (a[0] == '-' && !takes_value(a))
			return bad_usage("unknown option", a);
		else if (a[0] != '-' && o->input)
			return bad_usage("one INPUT only, a second", a);
		else if (a[0] != '-')
			o->input = a;
	}
	return o->input ? -1 : bad_usage("no INPUT", NULL);
}

/* The file name part of a path. */
static const char *base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Where INPUT's name ends before its suffix: libfoo|.lfi.so.1,
   libfoo|.so, libfoo|.a; NULL for another name. */
static const char *stem_end(const char *file)
{
	const char *end = strstr(file, ".lfi.so");
	size_t n = strlen(file);

	if (!end)
		end = strstr(file, ".so");
	if (!end && n > 2 && !strcmp(file + n - 2, ".a"))
		end = file + n - 2;
	return end;
}

/* libfoo.lfi.so -> libfoo.box.so, next to it (libfoo.a, libfoo.so.1
   too; another name gets .box.so appended). */
static char *default_out(const char *input)
{
	const char *file = base(input), *end = stem_end(file);
	size_t keep = end ? (size_t)(end - input) : strlen(input);
	char *out = malloc(keep + sizeof ".box.so");

	if (out)
		sprintf(out, "%.*s.box.so", (int)keep, input);
	return out;
}

/* libfoo.lfi.so -> foo, liblua5.4.lfi.so.0 -> lua5_4: the stem without
   "lib", made a C identifier. */
static char *default_lib(const char *input)
{
	const char *file = base(input), *end = stem_end(file);
	size_t n;
	char *lib;

	if (!end)
		end = file + strcspn(file, ".");
	if (!strncmp(file, "lib", 3) && end - file > 3)
		file += 3;
	n = (size_t)(end - file);
	if (!(lib = malloc(n + 2)))
		return NULL;
	sprintf(lib, "%s%.*s", *file >= '0' && *file <= '9' ? "_" : "", (int)n, file);
	for (char *p = lib; *p; p++)
		if (!(*p == '_' || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			*p = '_';
	return lib;
}

/* libz.lfi.so.1 -> libz.so.1: the SONAME the application asks for. */
static char *plain_soname(const char *soname)
{
	char *s = strdup(soname), *lfi;

	if (s && (lfi = strstr(s, ".lfi.so")))
		memmove(lfi, lfi + 4, strlen(lfi + 4) + 1);
	return s;
}

int set_defaults(struct opts *o)
{
	if ((!o->out && !(o->out = default_out(o->input))) ||
	    (!o->lib && !(o->lib = default_lib(o->input))))
		return fail(o->input, "%s", strerror(ENOMEM));
	if (!c_name(o->lib))
		return fail(o->input, "no box API name from this file name; give -lib NAME");
	return 0;
}

int set_soname(struct opts *o, const struct exports *x)
{
	if (!o->soname)
		o->soname = x->soname ? plain_soname(x->soname) : base(o->out);
	return o->soname ? 0 : fail(o->input, "%s", strerror(ENOMEM));
}

int check_out(const struct opts *o)
{
	struct stat out, in;
	char tmp[PATH_MAX];
	int fd;

	if (!stat(o->out, &out)) {
		if (S_ISDIR(out.st_mode))
			return fail(o->out, "is a directory");
		if (!stat(o->input, &in) && in.st_dev == out.st_dev &&
		    in.st_ino == out.st_ino)
			return fail(o->out, "is INPUT itself");
	}
	/* The name make_box writes first, then renames to OUT. */
	snprintf(tmp, sizeof tmp, "%s.tmp%d", o->out, (int)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) < 0)
		return fail(o->out, "cannot write: %s", strerror(errno));
	close(fd);
	unlink(tmp);
	return 0;
}
