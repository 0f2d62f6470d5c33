/* The host programs' checks: one PASS:/FAIL: line each, and the lines a
   call prints on stderr, captured by pointing fd 2 at a file around it. */
#ifndef CALLS_CHECK_H
#define CALLS_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *check_group = "";	/* "two/": before every name */
/* CALLS_TAG=lazy/ names the run of the same checks on another build */
static const char *check_tag(void)
{
	const char *t = getenv("CALLS_TAG");

	return t ? t : "";
}

static void check(const char *name, int ok, const char *fmt, ...)
{
	char why[600] = "";
	va_list ap;

	if (!ok && fmt) {
		va_start(ap, fmt);
		vsnprintf(why, sizeof why, fmt, ap);
		va_end(ap);
		for (char *c = why; *c; c++)	/* one line */
			if (*c == '\n')
				*c = c[1] ? ' ' : '\0';
	}
	printf("%s: sobox-calls/%s%s%s%s%s\n", ok ? "PASS" : "FAIL", check_tag(),
	       check_group, name, *why ? ": " : "", why);
	fflush(stdout);
}

/* Before a check whose call may kill the program: its name on a line
   of its own, so calls.sh can say where it died. */
static void about_to(const char *name)
{
	printf("# about to run sobox-calls/%s%s%s\n", check_tag(), check_group, name);
	fflush(stdout);
}

/* err_begin(); call(); n = err_end(): n lines the call printed, their
   text in err_text (cut to its size). */
static char err_text[16384];
static FILE *err_file;
static int err_saved = -1;

static void err_begin(void)
{
	fflush(stderr);
	err_file = tmpfile();
	err_saved = dup(2);
	if (!err_file || err_saved < 0 || dup2(fileno(err_file), 2) < 0) {
		perror("err_begin");
		exit(1);
	}
}

static int err_end(void)
{
	size_t n;
	int lines = 0;

	fflush(stderr);
	dup2(err_saved, 2);
	close(err_saved);
	rewind(err_file);
	n = fread(err_text, 1, sizeof err_text - 1, err_file);
	err_text[n] = '\0';
	fclose(err_file);
	for (size_t i = 0; i < n; i++)
		lines += err_text[i] == '\n';
	return lines;
}

/* exactly one line, containing `what` */
static int one_line(int lines, const char *what)
{
	return lines == 1 && strstr(err_text, what);
}

#endif
