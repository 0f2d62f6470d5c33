/* Temporary files. Intermediate files live in one private directory
   ($TMPDIR or /tmp, lfi-gcc.XXXXXX); final outputs are first written to a
   unique file next to their destination and renamed into place, so an
   output is either complete or absent. Everything not renamed is removed
   at exit and on SIGINT/SIGTERM/SIGHUP. */
#define _XOPEN_SOURCE 700
#include "driver.h"

#include <ftw.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAXTMP 256
static char *files[MAXTMP]; /* temp files beside final outputs */
static size_t nfiles;
static char *dir;

static void on_signal(int sig)
{
	/* unlink/rmdir are async-signal-safe; the lists are only appended to */
	for (size_t i = 0; i < nfiles; i++)
		if (files[i])
			unlink(files[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	atexit(tmp_cleanup);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
}

const char *tmp_dir(void)
{
	if (dir)
		return dir;
	install();
	const char *t = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/lfi-gcc.XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpl)) {
		error("cannot create a temporary directory %s: %s", tmpl, strerror(errno));
		exit(1);
	}
	dir = tmpl;
	return dir;
}

char *tmp_path(const char *base)
{
	return xasprintf("%s/%s", tmp_dir(), base);
}

/*
 * An existing output that is not a regular file (/dev/null, a pipe, a
 * terminal) is written into, never replaced: configure scripts compile
 * with -o /dev/null, and renaming over it as root would replace the device.
 */
static bool is_special(const char *final)
{
	struct stat st;

	return stat(final, &st) == 0 && !S_ISREG(st.st_mode);
}

static int copy_into(const char *tmp, const char *final)
{
	char buf[65536];
	ssize_t n = 0;
	int in = open(tmp, O_RDONLY), out = open(final, O_WRONLY | O_TRUNC);

	while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	if (in < 0 || out < 0 || n < 0)
		error("%s: cannot write the output: %s", final, strerror(errno));
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0 && n >= 0) {
		error("%s: cannot write the output: %s", final, strerror(errno));
		n = -1;
	}
	unlink(tmp);
	return in < 0 || out < 0 || n < 0;
}

char *tmp_beside(const char *final)
{
	static unsigned special;

	install();
	if (is_special(final))
		return tmp_path(xasprintf("special-output-%u", special++));
	const char *b = base_name(final);
	char *p = xasprintf("%.*s.%s.tmp-XXXXXX", (int)(b - final), final, b);
	int fd = mkstemp(p);
	if (fd < 0) {
		error("%s: cannot create a temporary file next to it: %s", final,
		      strerror(errno));
		exit(1);
	}
	close(fd);
	if (nfiles == MAXTMP) {
		error("too many output files");
		exit(1);
	}
	files[nfiles++] = p;
	return p;
}

void tmp_forget(const char *path)
{
	for (size_t i = 0; i < nfiles; i++)
		if (files[i] && strcmp(files[i], path) == 0)
			files[i] = NULL;
}

int rename_into_place(const char *tmp, const char *final)
{
	if (is_special(final))
		return copy_into(tmp, final);
	if (rename(tmp, final) != 0) {
		error("%s: cannot rename the output into place: %s", final, strerror(errno));
		return 1;
	}
	tmp_forget(tmp);
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	remove(path);
	return 0;
}

void tmp_cleanup(void)
{
	for (size_t i = 0; i < nfiles; i++)
		if (files[i]) {
			unlink(files[i]);
			files[i] = NULL;
		}
	if (!dir || getenv("LFI_KEEP_TEMPS"))
		return;
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
