/*
 * archive.c - a static archive as INPUT: the LFI driver links all its
 * members into a shared object in the work directory,
 *
 *   x86_64-lfi-linux-musl-gcc -shared -o DIR/libfoo.lfi.so \
 *       -Wl,--whole-archive libfoo.a -Wl,--no-whole-archive
 *
 * which sobox then boxes as if it had been given it; its exports are
 * the archive's global functions. Objects that are not LFI code fail
 * here (the driver's verifier, or its link checks) or at read_elf's
 * verifier; the first line the driver said is the message.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "sobox.h"

/* The driver's (or ld's) first line that says what is wrong: ld's
   "in function `f':" lines only say where; the work directory's path
   is left out (it is gone when the message is read). */
static void first_line(const char *path, const char *dir, char *line, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n = strlen(dir);
	char *at;

	line[0] = '\0';
	while (f && fgets(line, (int)size, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (*line && line[strlen(line) - 1] != ':')
			break;
	}
	if (f)
		fclose(f);
	while ((at = strstr(line, dir)) && at[n] == '/')
		memmove(at, at + n + 1, strlen(at + n + 1) + 1);
}

int link_archive(const struct opts *o, const char *dir, const char *tool_dir,
		 char *so)
{
	char cc[PATH_MAX], err_path[PATH_MAX], line[512];
	char *argv[] = { cc, "-shared", "-o", so, "-Wl,--whole-archive",
			 (char *)o->input, "-Wl,--no-whole-archive", NULL };

	snprintf(cc, sizeof cc, "%s/x86_64-lfi-linux-musl-gcc", tool_dir);
	snprintf(so, PATH_MAX, "%s/lib%s.lfi.so", dir, o->lib);
	snprintf(err_path, sizeof err_path, "%s/link.err", dir);
	if (!run_logged(o, argv, err_path))
		return 0;
	first_line(err_path, dir, line, sizeof line);
	return fail(o->input, "the LFI driver cannot link it into a shared object%s%s",
		    line[0] ? ": " : "", line);
}
