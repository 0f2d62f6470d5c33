/* The link step: source inputs are compiled to verified objects first, then
   GNU ld links everything against the sysroot only (no host crt files, no
   host libgcc, no default search path), the output is checked for what the
   verifier cannot see (postlink.c) and verified, and only then renamed into
   place. See README.md "Linking". */
#include "driver.h"
#include "lfi_note.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Every executable and shared object: code pages never shared with data
   (V1 shared-page), no text relocations (verified code is immutable), the
   runtime relocates everything at load (-z now), no host library paths
   (ld's -nostdlib). */
static const char *const ld_common[] = {
	"-m", "elf_x86_64", "-nostdlib", "--hash-style=both", "--build-id",
	"--eh-frame-hdr", "-z", "separate-code", "-z", "text", "-z", "noexecstack",
	"-z", "relro", "-z", "now", NULL,
};

static void push_all(struct argv *cmd, const char *const *list)
{
	for (; *list; list++)
		av_push(cmd, *list);
}

/* A sysroot file the link needs, or NULL after an error line. */
static char *need_sysroot_file(const char *name)
{
	char *p = sysroot_lib(name);

	if (access(p, R_OK) == 0)
		return p;
	error("%s: missing: the LFI sysroot is not built (run make in the sobox tree)", p);
	return NULL;
}

/* The LFI-x64 note (lfi_note.h), assembled into the temp directory. */
static int note_object(char **obj)
{
	char *src = tmp_path("lfi-note.s");
	struct argv cmd = {0};
	FILE *f = fopen(src, "w");
	int st;

	if (!f) {
		error("cannot write the LFI note %s: %m", src);
		return 1;
	}
	fprintf(f, "\t.section %s,\"a\",@note\n\t.p2align 2\n"
		   "\t.long %zu, %zu, %d\n\t.asciz \"%s\"\n\t.p2align 2\n"
		   "\t.asciz \"%s\"\n\t.p2align 2\n\t.long %d\n",
		LFI_NOTE_SECTION, sizeof LFI_NOTE_NAME, sizeof LFI_NOTE_SCHEME + 4,
		LFI_NOTE_TYPE, LFI_NOTE_NAME, LFI_NOTE_SCHEME,
		LFI_RUNTIME_CALLS_VERSION);
	if (fclose(f) != 0) {
		error("cannot write the LFI note %s: %m", src);
		return 1;
	}
	*obj = tmp_path("lfi-note.o");
	av_push(&cmd, tool_as());
	av_push(&cmd, "--64");
	av_push(&cmd, "-o");
	av_push(&cmd, *obj);
	av_push(&cmd, src);
	st = run(&cmd, NULL, NULL, NULL);
	av_free(&cmd);
	if (st)
		error("the LFI note: %s failed (exit status %d)", tool_as(), st);
	return st;
}

/* ld's mode flags and the start files for each kind of output. */
static int push_kind(struct argv *cmd, const struct options *o)
{
	static const char *const crt1[] = {
		[LINK_DYNAMIC_PIE] = "Scrt1.o", [LINK_STATIC_PIE] = "rcrt1.o",
	};
	char *p;

	switch (o->link_kind) {
	case LINK_RELOCATABLE:
		av_push(cmd, "-r");
		return 0;
	case LINK_SHARED:
		av_push(cmd, "-shared");
		break;
	case LINK_STATIC_PIE:
		push_all(cmd, (const char *const[]){ "-static", "-pie",
			"--no-dynamic-linker", NULL });
		break;
	case LINK_DYNAMIC_PIE:
		push_all(cmd, (const char *const[]){ "-pie", "-dynamic-linker",
			DYNAMIC_LINKER, NULL });
		break;
	}
	if (o->nostartfiles)
		return 0;
	if (o->link_kind != LINK_SHARED) {
		if (!(p = need_sysroot_file(crt1[o->link_kind])))
			return 1;
		av_push(cmd, p);
	}
	if (!(p = need_sysroot_file("crti.o")))
		return 1;
	av_push(cmd, p);
	return 0;
}

/* libc and the compiler builtins (in a group: each may need the other),
   crtn.o, and the sysroot's library directory after the user's. */
static int push_tail(struct argv *cmd, const struct options *o)
{
	char *p;

	if (o->link_kind == LINK_RELOCATABLE)
		return 0;
	if (!o->nodefaultlibs) {
		if (!(p = need_sysroot_file(BUILTINS_LIB)))
			return 1;
		av_push(cmd, "--start-group");
		if (!o->nolibc)
			av_push(cmd, "-lc");
		av_push(cmd, p);
		av_push(cmd, "--end-group");
	}
	if (!o->nostartfiles) {
		if (!(p = need_sysroot_file("crtn.o")))
			return 1;
		av_push(cmd, p);
	}
	av_push(cmd, xasprintf("-L%s/lib", sysroot_dir()));
	return 0;
}

/* Inputs (objects as compiled) and the user's linker flags, in the order
   of the command line. */
static void push_inputs(struct argv *cmd, const struct options *o, char **objs)
{
	size_t k = 0;

	for (size_t f = 0; f <= o->linkflags.n; f++) {
		for (; k < o->ninputs && o->inputs[k].link_pos == f; k++)
			av_push(cmd, objs[k]);
		if (f < o->linkflags.n)
			av_push(cmd, o->linkflags.v[f]);
	}
}

/* ld's exit status, or -1 after an error line of ours. */
static int run_ld(const struct options *o, char **objs, const char *out)
{
	struct argv cmd = {0};
	char *note = NULL;
	int st;

	if (o->link_kind != LINK_RELOCATABLE && note_object(&note))
		return -1;
	av_push(&cmd, tool_ld());
	if (o->link_kind != LINK_RELOCATABLE)
		push_all(&cmd, ld_common);
	if (push_kind(&cmd, o))
		return -1;
	av_push(&cmd, "-o");
	av_push(&cmd, out);
	if (note)
		av_push(&cmd, note);
	push_inputs(&cmd, o, objs);
	if (push_tail(&cmd, o))
		return -1;
	st = run(&cmd, NULL, NULL, NULL);
	av_free(&cmd);
	return st;
}

/* What gcc's output would have: MODE less the umask (the temp file was
   made private). */
static int set_mode(const char *path, const char *final, mode_t mode)
{
	mode_t mask = umask(0);

	umask(mask);
	if (chmod(path, mode & ~mask) == 0)
		return 0;
	error("%s: cannot set the mode of the output: %m", final);
	return 1;
}

/* Every source input to a verified object, like gcc: each one, even
   after a failure; the first failure's status. */
static int compile_all(const struct options *o, char **objs)
{
	int worst = 0, st;

	for (size_t i = 0; i < o->ninputs; i++) {
		const struct input *in = &o->inputs[i];
		if (in->lang == LANG_OBJECT)
			objs[i] = (char *)in->path;
		else if ((st = compile_for_link(o, in, &objs[i])) && !worst)
			worst = st;
	}
	return worst;
}

/* -s: strip once the checks that need the symbol table are done. */
static int strip(const char *tmp, const char *final)
{
	struct argv cmd = {0};
	int st;

	av_push(&cmd, tool_strip());
	av_push(&cmd, "--strip-all");
	av_push(&cmd, tmp);
	st = run(&cmd, NULL, NULL, NULL);
	av_free(&cmd);
	if (st)
		error("%s: %s failed (exit status %d)", final, tool_strip(), st);
	return st;
}

int link_all(const struct options *o)
{
	const char *final = o->output ? o->output : "a.out";
	bool relocatable = o->link_kind == LINK_RELOCATABLE;
	char **objs = xmalloc(o->ninputs * sizeof *objs);
	char *tmp;
	int st;

	if ((st = compile_all(o, objs)))
		return st;
	tmp = tmp_beside(final);
	if ((st = run_ld(o, objs, tmp))) {
		if (st > 0)
			error("%s: link failed (%s exit status %d)", final, tool_ld(), st);
		return st > 0 ? st : 1;
	}
	if (!relocatable && postlink_check(tmp, final))
		return 1;
	if (o->strip && (st = strip(tmp, final)))
		return st;
	if (!relocatable && postlink_fill(tmp, final))
		return 1;
	st = verify_output(final, relocatable ? "the object" : "the linked output",
			   tmp, final, tmp_dir());
	if (st)
		return st;
	if (set_mode(tmp, final, relocatable ? 0666 : 0777))
		return 1;
	return rename_into_place(tmp, final);
}
