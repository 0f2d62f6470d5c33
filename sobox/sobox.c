/*
 * sobox - turn an LFI shared library into a host library whose exports
 * run it in a box.
 *
 *   sobox [-map NAME=PATH]... [-o OUT] [-export SYM,SYM] [-lib NAME]
 *         [-soname NAME] [-cc CC] [-dir DIR] [-V] [-show-exports] INPUT
 *
 * INPUT is libfoo.lfi.so (or libfoo.a), built by the LFI driver. OUT
 * (default libfoo.box.so next to INPUT) exports every function INPUT
 * exports at its symbol version, each a trampoline into the box (first
 * version: six integer arguments, an integer result; see
 * sobox/README.md). The command line is options.c's, what is read of
 * INPUT input.c's. In DIR (default: a temporary directory, removed
 * afterwards) sobox writes and builds:
 *   stub.c       a program linked against INPUT by the LFI driver whose
 *                main hands the runtime the exports' box addresses;
 *   box.c        the trampolines and the constructor making the box;
 *   exports.map  the version script, symver.s the non-default versions
 *                (versions.c);
 * and links OUT with the host compiler, liblfirt.a and libsoboxrt.a.
 * Bad input: one line naming the file and the reason, exit 1, no OUT.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "embed.h"
#include "sig.h"
#include "sobox.h"
#include "tramp.h"

static char tool_dir[PATH_MAX];	/* build/bin: the driver, ../lib, ../sysroot */

/* snprintf into buffers that main's length checks made big enough
   (paths below PATH_MAX - 64, suffixes shorter than that). */
static void fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, size, f, ap);
	va_end(ap);
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

/* What leaves OUT is what has default visibility (versions.c): the
   verifier's library is the one linked in that does not hide itself. */
static int build_host(const struct opts *o, const char *dir, const char *tmp_out)
{
	char box[PATH_MAX], tramp[PATH_MAX], api[PATH_MAX], inc[PATH_MAX + 2],
	     map[PATH_MAX + 40], rt[PATH_MAX], so[PATH_MAX + 16], lfirt[PATH_MAX],
	     verify[PATH_MAX], zydis[PATH_MAX];
	char *argv[] = { (char *)o->cc, "-shared", "-fPIC", "-O2", "-o",
			 (char *)tmp_out, so, inc, box, tramp, api, map, rt, lfirt,
			 verify, "-Wl,--exclude-libs,liblfiverify.a", zydis,
			 "-lpthread", "-Wl,-z,nodelete", NULL };

	fmt(so, sizeof so, "-Wl,-soname,%s", o->soname);
	fmt(inc, sizeof inc, "-I%s/../include", tool_dir);
	fmt(box, sizeof box, "%s/box.c", dir);
	fmt(tramp, sizeof tramp, "%s/tramp.S", dir);
	fmt(api, sizeof api, "%s/api.c", dir);
	fmt(map, sizeof map, "-Wl,--version-script=%s/exports.map", dir);
	fmt(rt, sizeof rt, "%s/../lib/libsoboxrt.a", tool_dir);
	fmt(lfirt, sizeof lfirt, "%s/../lib/liblfirt.a", tool_dir);
	fmt(verify, sizeof verify, "%s/../lib/liblfiverify.a", tool_dir);
	fmt(zydis, sizeof zydis, "%s/../lib/libZydis.a", tool_dir);
	return run(o, argv) ? fail(o->input, "the host compiler (%s) failed", o->cc) : 0;
}

/* The exports' conventions from INPUT's DWARF; the ones it cannot know
   are named (their trampolines forward every register, sig.h). */
static struct sobox_sig *signatures(const struct opts *o, const struct exports *x)
{
	struct sobox_sig *sigs = calloc(x->n ? x->n : 1, sizeof *sigs);
	char why[512];

	if (!sigs)
		return fail(o->input, "%s", strerror(ENOMEM)), NULL;
	if (sobox_sigs_read(o->so, x->name, x->n, sigs, why, sizeof why)) {
		free(sigs);
		return fail(o->input, "%s", why), NULL;
	}
	for (size_t i = 0; i < x->n; i++)
		if (sigs[i].known && (sigs[i].stack_bytes > SOBOX_MAX_FRAME ||
				      sigs[i].ret_size > SOBOX_MAX_FRAME ||
				      sobox_frame_size(&sigs[i]) > SOBOX_MAX_FRAME)) {
			sobox_sig_unknown(&sigs[i]);
			sigs[i].why_unknown = "arguments or result over 64 KiB";
		}
	return sigs;
}

/* One line naming the exports whose convention is unknown (said once
   OUT is made, so that an error stays the only line). */
static void report_unknown(const struct opts *o, const struct exports *x,
			   const struct sobox_sig *sigs)
{
	size_t n = 0;

	for (size_t i = 0; i < x->n; i++)
		if (!sigs[i].known)
			fprintf(stderr, "%s%s (%s)", n++ ? ", " : "sobox: warning: no signature for ",
				x->name[i], sigs[i].why_unknown ? sigs[i].why_unknown : "no DWARF");
	if (n)
		fprintf(stderr, " in %s: their trampolines forward every argument "
			"register, no stack arguments, no pointer checks\n", o->input);
}

/* PREFIX_box.h from DIR next to OUT, through a temporary name. */
static int install_header(const struct opts *o, const char *dir)
{
	char from[PATH_MAX], to[PATH_MAX], tmp[PATH_MAX + 16], *out = strdup(o->out);
	FILE *in, *f;
	int c, err;

	fmt(from, sizeof from, "%s/%s_box.h", dir, o->lib);
	fmt(to, sizeof to, "%s/%s_box.h", dirname(out), o->lib);
	free(out);
	fmt(tmp, sizeof tmp, "%s.tmp%d", to, (int)getpid());
	if (!(in = fopen(from, "r")) || !(f = fopen(tmp, "w"))) {
		if (in)
			fclose(in);
		return fail(to, "%s", strerror(errno));
	}
	while ((c = getc(in)) != EOF)
		putc(c, f);
	fclose(in);
	err = ferror(f) | fclose(f);
	if (err || rename(tmp, to) < 0) {
		unlink(tmp);
		return fail(to, "cannot write");
	}
	return 0;
}

/* --- main --------------------------------------------------------------- */

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

/* Everything after the options: generate in dir, build OUT (then the
   header next to it). */
static int make_box(const struct opts *o, const char *dir, const struct exports *x)
{
	char libc[PATH_MAX], lib_dir[PATH_MAX], lib_arg[PATH_MAX], stub[PATH_MAX],
	     path[PATH_MAX], tmp_out[PATH_MAX + 16], *out_copy = strdup(o->out);
	struct sobox_sig *sigs = NULL;
	int err;

	fmt(libc, sizeof libc, "%s/../sysroot/lib/libc.so", tool_dir);
	fmt(stub, sizeof stub, "%s/stub", dir);
	fmt(tmp_out, sizeof tmp_out, "%s.tmp%d", o->out, (int)getpid());
	err = !(sigs = signatures(o, x)) ||
	      embed_collect(o->embed, dir, o->so, libc) ||
	      embed_check_needed(o->embed) ||
	      embed_link_args(o->embed, dir, lib_dir, lib_arg, sizeof lib_arg) ||
	      write_stub(dir, x, path) || build_stub(o, dir, lib_dir, lib_arg) ||
	      embed_add_stub(o->embed, dir, stub) ||
	      write_host(dir, basename(out_copy), o->embed, x, o->lazy, path) ||
	      write_version_script(dir, x, path) || write_symver(dir, x, path) ||
	      write_tramps(dir, x, sigs, path) || write_api(dir, o->lib, path) ||
	      build_host(o, dir, tmp_out);
	free(out_copy);
	if (!err && rename(tmp_out, o->out) < 0)
		err = fail(o->out, "%s", strerror(errno));
	if (err)
		unlink(tmp_out);
	else if (!(err = install_header(o, dir)))
		report_unknown(o, x, sigs);
	for (size_t i = 0; sigs && i < x->n; i++)
		sobox_sig_free(&sigs[i]);
	free(sigs);
	return err ? -1 : 0;
}

static void remove_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[PATH_MAX];

	while (d && (de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			fmt(path, sizeof path, "%s/%s", dir, de->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
}

/* The work directory is sobox's own (mkdtemp): everything in it goes. */
static void remove_dir(const char *dir, const struct embed *e)
{
	embed_remove(e, dir);
	remove_files(dir);
	rmdir(dir);
}

/* -dir DIR (made if need be, kept), or a temporary one in tmp
   ($TMPDIR/sobox.XXXXXX); its real path into dir. */
static int work_dir(const struct opts *o, char *tmp, char *dir)
{
	if (o->dir && mkdir(o->dir, 0777) < 0 && errno != EEXIST)
		return fail(o->dir, "%s", strerror(errno));
	if (!o->dir && !mkdtemp(tmp))
		return fail(tmp, "%s", strerror(errno));
	if (!realpath(o->dir ? o->dir : tmp, dir)) {
		int e = errno;
		if (!o->dir)
			rmdir(tmp);
		return fail(o->dir ? o->dir : tmp, "%s", strerror(e));
	}
	if (strlen(dir) > PATH_MAX - 64) {
		if (!o->dir)
			remove_dir(dir, o->embed);
		return fail(o->input, "a path is too long");
	}
	return 0;
}

/* INPUT read (an archive linked in dir first), OUT checked, then made. */
static int box(struct opts *o, const char *dir, struct exports *x)
{
	if (read_input(o, dir, tool_dir, x) || set_soname(o, x))
		return -1;
	if (o->show_exports)
		return sobox_sigs_show(stdout, o->so, x->name, x->n) ? -1 : 0;
	if (o->verbose)
		fprintf(stderr, "sobox: %s: %zu functions, box API prefix %s, SONAME %s\n",
			o->input, x->n, o->lib, o->soname);
	return check_out(o) ? -1 : make_box(o, dir, x);
}

int main(int argc, char **argv)
{
	struct embed e = { 0 };
	struct opts o = { .cc = "gcc", .embed = &e };
	struct exports x = { 0 };
	char tmp[PATH_MAX], dir[PATH_MAX];
	const char *tmpdir = getenv("TMPDIR");
	int st;

	if ((st = parse_options(argc, argv, &o)) >= 0)
		return st;
	for (size_t i = 0; i < o.n_maps; i++)
		if (embed_add_map(&e, o.maps[i]))
			return 2;
	if (find_tools())
		return fail("/proc/self/exe", "cannot find the toolchain"), 1;
	if (set_defaults(&o))
		return 1;
	if (!tmpdir || !*tmpdir || strlen(tmpdir) > PATH_MAX - 64)
		tmpdir = "/tmp";
	fmt(tmp, sizeof tmp, "%s/sobox.XXXXXX", tmpdir);
	if (strlen(tool_dir) > PATH_MAX - 64 || strlen(o.out) > PATH_MAX - 64)
		return fail(o.input, "a path is too long"), 1;
	if (work_dir(&o, tmp, dir))
		return 1;
	st = box(&o, dir, &x);
	if (!o.dir)
		remove_dir(dir, &e);
	return st ? 1 : 0;
}
