/* Running the tools: fork, execvp, waitpid. With -v each command is printed
   on stderr first, shell-quoted, with its redirections. */
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

bool run_verbose;

static void print_word(const char *s)
{
	if (*s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			   "0123456789_-+=./,:@%") == strlen(s)) {
		fputs(s, stderr);
		return;
	}
	fputc('\'', stderr);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stderr);
		else
			fputc(*s, stderr);
	}
	fputc('\'', stderr);
}

static void print_cmd(const struct argv *cmd, const char *in, const char *out,
		      const char *err)
{
	fputc(' ', stderr);
	for (size_t i = 0; i < cmd->n; i++) {
		if (i)
			fputc(' ', stderr);
		print_word(cmd->v[i]);
	}
	if (in) {
		fputs(" <", stderr);
		print_word(in);
	}
	if (out) {
		fputs(" >", stderr);
		print_word(out);
	}
	if (err) {
		fputs(" 2>", stderr);
		print_word(err);
	}
	fputc('\n', stderr);
	fflush(stderr);
}

static int redirect(const char *path, int fd, int flags)
{
	int f = open(path, flags, 0666);
	if (f < 0)
		return -1;
	if (f != fd) {
		if (dup2(f, fd) < 0)
			return -1;
		close(f);
	}
	return 0;
}

int run(const struct argv *cmd, const char *in, const char *out, const char *err)
{
	if (run_verbose)
		print_cmd(cmd, in, out, err);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		error("cannot fork to run %s: %s", cmd->v[0], strerror(errno));
		return 127;
	}
	if (pid == 0) {
		const int wr = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
		if ((in && redirect(in, 0, O_RDONLY)) || (out && redirect(out, 1, wr)) ||
		    (err && redirect(err, 2, wr))) {
			fprintf(stderr, PROG ": cannot redirect for %s: %s\n", cmd->v[0],
				strerror(errno));
			_exit(127);
		}
		execvp(cmd->v[0], cmd->v);
		fprintf(stderr, PROG ": cannot run %s: %s\n", cmd->v[0], strerror(errno));
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR) {
			error("waitpid for %s: %s", cmd->v[0], strerror(errno));
			return 127;
		}
	}
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st)) {
		error("%s was killed by signal %d (%s)", cmd->v[0], WTERMSIG(st),
		      strsignal(WTERMSIG(st)));
		return 128 + WTERMSIG(st);
	}
	return 1;
}
