/*
 * sobox - turn an LFI shared library into a host library whose exports
 * run it in a box.
 *
 *   sobox [-map NAME=PATH]... [-o OUT] [-dir DIR] [-cc CC] [-V] INPUT
 *
 * INPUT is libfoo.lfi.so, linked by the LFI driver. OUT (default
 * libfoo.box.so next to INPUT) exports every function INPUT exports, each
 * a trampoline into the box (first version: six integer arguments, an
 * integer result; see sobox/README.md). In DIR (default: a temporary
 * directory, removed afterwards) sobox writes and builds:
 *   stub.c   a program linked against INPUT by the LFI driver whose main
 *            hands the runtime the exports' box addresses;
 *   box.c    the trampolines, the embedded files (embed.c: INPUT, libc,
 *            the stub, every -map; their code verified, SHA-256 stored)
 *            and the constructor making the box;
 * and links OUT with the host compiler, liblfirt.a and libsoboxrt.a.
 * Bad input: one line naming the file and the reason, exit 1, no OUT.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "embed.h"
#include "lfi_note.h"
#include "linux/linux.h"	/* LFI_SYS_SOBOX_HANDOVER */

struct opts {
	const char *input, *out, *dir, *cc;
	int verbose;
	struct embed *embed;	/* -map, then every embedded file */
};

struct exports {
	char **name;
	size_t n, cap;
};

static char tool_dir[PATH_MAX];	/* build/bin: the driver, ../lib, ../sysroot */

static int fail(const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "sobox: %s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

/* snprintf into buffers that main's length checks made big enough
   (paths below PATH_MAX - 64, suffixes shorter than that). */
static void fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, size, f, ap);
	va_end(ap);
}

static int usage(void)
{
	fprintf(stderr, "usage: sobox [-map NAME=PATH]... [-o OUT] [-dir DIR] [-cc CC] "
		"[-V] INPUT\n");
	return 2;
}

/* --- reading the input ---------------------------------------------- */

static int has_lfi_note(Elf *e, const char *file)
{
	size_t size;
	const char *raw = elf_rawfile(e, &size);
	enum lfi_note_status st = raw ? lfi_note_in_elf(raw, size, NULL) :
					LFI_NOTE_OUTSIDE_FILE;

	return st == LFI_NOTE_OK ? 0 : fail(file, "%s", lfi_note_message(st));
}

/* A PIE program is ET_DYN too: the linker marks it DF_1_PIE (and a
   dynamic one names an interpreter). */
static int is_program(Elf *e)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	GElf_Phdr ph;
	size_t n;

	if (!elf_getphdrnum(e, &n))
		for (size_t i = 0; i < n; i++)
			if (gelf_getphdr(e, i, &ph) && ph.p_type == PT_INTERP)
				return 1;
	while ((scn = elf_nextscn(e, scn))) {
		Elf_Data *d;
		GElf_Dyn dyn;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNAMIC ||
		    !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++)
			if (gelf_getdyn(d, i, &dyn) && dyn.d_tag == DT_FLAGS_1 &&
			    (dyn.d_un.d_val & DF_1_PIE))
				return 1;
	}
	return 0;
}

/* Names a C file can define: the trampolines are C functions. */
static int c_name(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

static int add_export(struct exports *x, const char *name)
{
	for (size_t i = 0; i < x->n; i++)	/* versioned names come twice */
		if (!strcmp(x->name[i], name))
			return 0;
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 16;
		if (!(x->name = realloc(x->name, x->cap * sizeof *x->name)))
			return -1;
	}
	return (x->name[x->n++] = strdup(name)) ? 0 : -1;
}

/* Global and weak functions defined in .dynsym, default visibility,
   without the linker's _init/_fini. */
static int read_exports(Elf *e, const char *file, struct exports *x)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	while ((scn = elf_nextscn(e, scn))) {
		Elf_Data *d;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNSYM ||
		    !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		for (size_t i = 1; i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Sym s;
			const char *name;
			if (!gelf_getsym(d, i, &s) || s.st_shndx == SHN_UNDEF ||
			    GELF_ST_TYPE(s.st_info) != STT_FUNC ||
			    (GELF_ST_BIND(s.st_info) != STB_GLOBAL &&
			     GELF_ST_BIND(s.st_info) != STB_WEAK) ||
			    GELF_ST_VISIBILITY(s.st_other) != STV_DEFAULT ||
			    !(name = elf_strptr(e, sh.sh_link, s.st_name)) ||
			    !strcmp(name, "_init") || !strcmp(name, "_fini"))
				continue;
			if (!c_name(name))
				return fail(file, "export `%s` is not a C name", name);
			if (add_export(x, name))
				return fail(file, "%s", strerror(ENOMEM));
		}
	}
	return x->n ? 0 : fail(file, "exports no functions");
}

static int read_input(const char *file, struct exports *x)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC), err = -1;
	Elf *e;
	GElf_Ehdr eh;

	if (fd < 0)
		return fail(file, "%s", strerror(errno));
	elf_version(EV_CURRENT);
	e = elf_begin(fd, ELF_C_READ, NULL);
	if (!e || elf_kind(e) != ELF_K_ELF)
		fail(file, "not an ELF file");
	else if (!gelf_getehdr(e, &eh) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
		 eh.e_machine != EM_X86_64)
		fail(file, "not an x86-64 ELF file");
	else if (eh.e_type != ET_DYN || is_program(e))
		fail(file, "not a shared object");
	else if (!has_lfi_note(e, file))
		err = read_exports(e, file, x);
	elf_end(e);
	close(fd);
	return err;
}

/* --- generating ------------------------------------------------------- */

static int run(const struct opts *o, char *const argv[])
{
	pid_t pid;
	int st;

	if (o->verbose) {
		for (int i = 0; argv[i]; i++)
			fprintf(stderr, "%s%s", i ? " " : "+ ", argv[i]);
		fputc('\n', stderr);
	}
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static FILE *create(const char *dir, const char *name, char *path)
{
	FILE *f;

	fmt(path, PATH_MAX, "%s/%s", dir, name);
	if (!(f = fopen(path, "w")))
		fail(path, "%s", strerror(errno));
	return f;
}

static int finish(FILE *f, const char *path)
{
	if (ferror(f) | fclose(f))
		return fail(path, "cannot write");
	return 0;
}

/* The stub: main hands the exports' addresses to the runtime and never
   comes back (the runtime leaves its thread paused in the call). */
static int write_stub(const char *dir, const struct exports *x, char *path)
{
	FILE *f = create(dir, "stub.c", path);

	if (!f)
		return -1;
	fprintf(f, "/* generated by sobox: hands the exports to the runtime */\n"
		   "long syscall(long, ...);\n");
	for (size_t i = 0; i < x->n; i++)
		fprintf(f, "void %s(void);\n", x->name[i]);
	fprintf(f, "static void (*const sobox_exports[])(void) = {\n");
	for (size_t i = 0; i < x->n; i++)
		fprintf(f, "\t%s,\n", x->name[i]);
	fprintf(f, "};\n\nint main(void)\n{\n"
		   "\tsyscall(%d, sobox_exports, %zuL);\n"
		   "\treturn 111;	/* the runtime refused the table */\n}\n",
		LFI_SYS_SOBOX_HANDOVER, x->n);
	return finish(f, path);
}

/* A C string literal of s (paths may hold quotes or backslashes). */
static void quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static int write_host(const char *dir, const char *out_name, const struct embed *e,
		      const struct exports *x, char *path)
{
	FILE *f = create(dir, "box.c", path);

	if (!f)
		return -1;
	fprintf(f, "/* generated by sobox: trampolines into the box */\n"
		   "#include <stddef.h>\n#include <stdint.h>\n\n");
	embed_write_c(f, e, dir);
	fprintf(f, "/* sobox/boxrt.h, in libsoboxrt.a */\n"
		   "int sobox_init(const char *, const struct sobox_file *, size_t, size_t);\n"
		   "long sobox_call(unsigned, long, long, long, long, long, long);\n\n"
		   "__attribute__((constructor)) static void sobox_load(void)\n{\n"
		   "\tsobox_init(");
	quoted(f, out_name);
	fprintf(f, ", sobox_files, sizeof sobox_files / sizeof *sobox_files, %zu);\n}\n",
		x->n);
	for (size_t i = 0; i < x->n; i++)
		fprintf(f, "\nlong %s(long a, long b, long c, long d, long e, long f)\n"
			   "{\n\treturn sobox_call(%zu, a, b, c, d, e, f);\n}\n",
			x->name[i], i);
	return finish(f, path);
}

/* Only the exports leave the .box.so (the runtime's sigaction/signal
   too: they must interpose libc's, runtime/README.md). */
static int write_version_script(const char *dir, const struct exports *x, char *path)
{
	FILE *f = create(dir, "exports.map", path);

	if (!f)
		return -1;
	fprintf(f, "{\n  global:\n    sigaction;\n    signal;\n");
	for (size_t i = 0; i < x->n; i++)
		fprintf(f, "    %s;\n", x->name[i]);
	fprintf(f, "  local: *;\n};\n");
	return finish(f, path);
}

/* --- building ----------------------------------------------------------- */

/* Linked against INPUT (lib_arg, embed_link_args), its DT_NEEDED
   libraries found in lib_dir, where every embedded /lib file is. */
static int build_stub(const struct opts *o, const char *dir, const char *lib_dir,
		      const char *lib_arg)
{
	char cc[PATH_MAX], src[PATH_MAX], out[PATH_MAX], libdir_opt[PATH_MAX + 2],
	     rpath_opt[PATH_MAX + 32];
	char *argv[] = { cc, "-O2", "-o", out, src, libdir_opt, rpath_opt,
			 (char *)lib_arg, NULL };

	fmt(cc, sizeof cc, "%s/x86_64-lfi-linux-musl-gcc", tool_dir);
	fmt(src, sizeof src, "%s/stub.c", dir);
	fmt(out, sizeof out, "%s/stub", dir);
	fmt(libdir_opt, sizeof libdir_opt, "-L%s", lib_dir);
	fmt(rpath_opt, sizeof rpath_opt, "-Wl,-rpath-link,%s", lib_dir);
	return run(o, argv) ? fail(o->input, "linking the stub with the LFI driver failed") : 0;
}

static int build_host(const struct opts *o, const char *dir, const char *tmp_out,
		      const char *soname)
{
	char src[PATH_MAX], map[PATH_MAX + 40], rt[PATH_MAX], so[PATH_MAX + 16],
	     lfirt[PATH_MAX], verify[PATH_MAX];
	char *argv[] = { (char *)o->cc, "-shared", "-fPIC", "-O2", "-o",
			 (char *)tmp_out, so, src, map, rt, lfirt, verify,
			 "-lZydis", "-lpthread", NULL };

	fmt(so, sizeof so, "-Wl,-soname,%s", soname);
	fmt(src, sizeof src, "%s/box.c", dir);
	fmt(map, sizeof map, "-Wl,--version-script=%s/exports.map", dir);
	fmt(rt, sizeof rt, "%s/../lib/libsoboxrt.a", tool_dir);
	fmt(lfirt, sizeof lfirt, "%s/../lib/liblfirt.a", tool_dir);
	fmt(verify, sizeof verify, "%s/../lib/liblfiverify.a", tool_dir);
	return run(o, argv) ? fail(o->input, "the host compiler (%s) failed", o->cc) : 0;
}

/* --- main --------------------------------------------------------------- */

static int parse(int argc, char **argv, struct opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-V"))
			o->verbose = 1;
		else if (!strcmp(a, "-map") && i + 1 < argc) {
			if (embed_add_map(o->embed, argv[++i]))
				return 2;
		}
		else if ((!strcmp(a, "-o") || !strcmp(a, "-dir") || !strcmp(a, "-cc")) &&
			 i + 1 < argc) {
			const char **to = a[1] == 'o' ? &o->out : a[1] == 'd' ? &o->dir : &o->cc;
			*to = argv[++i];
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			return usage(), 0;
		else if (a[0] == '-' || o->input)
			return usage();
		else
			o->input = a;
	}
	return o->input ? 0 : usage();
}

/* libfoo.lfi.so -> libfoo.box.so (libfoo.so -> libfoo.box.so) */
static char *default_out(const char *input)
{
	char *out = malloc(strlen(input) + 16), *dot;

	strcpy(out, input);
	if ((dot = strstr(out, ".lfi.so")) || (dot = strstr(out, ".so")))
		*dot = '\0';
	strcat(out, ".box.so");
	return out;
}

static int find_tools(void)
{
	ssize_t n = readlink("/proc/self/exe", tool_dir, sizeof tool_dir - 1);
	char *slash;

	if (n <= 0)
		return -1;
	tool_dir[n] = '\0';
	if (!(slash = strrchr(tool_dir, '/')))
		return -1;
	*slash = '\0';
	return 0;
}

/* Everything after the options: generate in dir, build OUT. */
static int make_box(const struct opts *o, const char *dir, const struct exports *x)
{
	char libc[PATH_MAX], lib_dir[PATH_MAX], lib_arg[PATH_MAX], stub[PATH_MAX],
	     path[PATH_MAX], tmp_out[PATH_MAX + 16], *out_copy = strdup(o->out);
	int err;

	fmt(libc, sizeof libc, "%s/../sysroot/lib/libc.so", tool_dir);
	fmt(stub, sizeof stub, "%s/stub", dir);
	fmt(tmp_out, sizeof tmp_out, "%s.tmp%d", o->out, (int)getpid());
	err = embed_collect(o->embed, dir, o->input, libc) ||
	      embed_check_needed(o->embed) ||
	      embed_link_args(o->embed, dir, lib_dir, lib_arg, sizeof lib_arg) ||
	      write_stub(dir, x, path) || build_stub(o, dir, lib_dir, lib_arg) ||
	      embed_add_stub(o->embed, dir, stub) ||
	      write_host(dir, basename(out_copy), o->embed, x, path) ||
	      write_version_script(dir, x, path) ||
	      build_host(o, dir, tmp_out, basename(out_copy));
	free(out_copy);
	if (!err && rename(tmp_out, o->out) < 0)
		err = fail(o->out, "%s", strerror(errno));
	if (err)
		unlink(tmp_out);
	return err ? -1 : 0;
}

static void remove_dir(const char *dir, const struct embed *e)
{
	static const char *const files[] = { "stub.c", "stub", "box.c", "exports.map" };
	char path[PATH_MAX];

	embed_remove(e, dir);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		fmt(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

int main(int argc, char **argv)
{
	struct embed e = { 0 };
	struct opts o = { .cc = "gcc", .embed = &e };
	struct exports x = { 0 };
	char tmp[] = "/tmp/sobox.XXXXXX", dir[PATH_MAX];
	int st;

	if ((st = parse(argc, argv, &o)) || !o.input)
		return st;
	if (!o.out)
		o.out = default_out(o.input);
	if (find_tools())
		return fail("/proc/self/exe", "cannot find the toolchain"), 1;
	if (read_input(o.input, &x))
		return 1;
	if (o.dir && mkdir(o.dir, 0777) < 0 && errno != EEXIST)
		return fail(o.dir, "%s", strerror(errno)), 1;
	if (!o.dir && !mkdtemp(tmp))
		return fail(tmp, "%s", strerror(errno)), 1;
	if (!realpath(o.dir ? o.dir : tmp, dir))
		return fail(o.dir ? o.dir : tmp, "%s", strerror(errno)), 1;
	if (strlen(dir) > PATH_MAX - 64 || strlen(tool_dir) > PATH_MAX - 64 ||
	    strlen(o.out) > PATH_MAX - 64)
		return fail(o.input, "a path is too long"), 1;
	st = make_box(&o, dir, &x);
	if (!o.dir)
		remove_dir(dir, &e);
	return st ? 1 : 0;
}
