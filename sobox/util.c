/*
 * util.c - the messages and the child processes of sobox.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sobox.h"

int fail(const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "sobox: %s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

FILE *create(const char *dir, const char *name, char *path)
{
	FILE *f;

	snprintf(path, PATH_MAX, "%s/%s", dir, name);
	if (!(f = fopen(path, "w")))
		fail(path, "%s", strerror(errno));
	return f;
}

int finish(FILE *f, const char *path)
{
	if (ferror(f) | fclose(f))
		return fail(path, "cannot write");
	return 0;
}

int run_logged(const struct opts *o, char *const argv[], const char *err_path)
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
		if (err_path) {
			int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
			if (fd < 0 || dup2(fd, 2) < 0)
				_exit(127);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

int run(const struct opts *o, char *const argv[])
{
	return run_logged(o, argv, NULL);
}

int c_name(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

/* s as a C string literal; `for_asm` escapes it for an assembler string
   inside that literal first (.incbin "..."). */
void c_literal(FILE *f, const char *s, int for_asm)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = *s;
		if (for_asm && (c == '"' || c == '\\'))
			fputs("\\\\", f);
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}
