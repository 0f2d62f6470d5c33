/* Starting a process in a box, as execve would: the program's image, the
   interpreter it names (read from the box's own files, so the policy
   decides), the program break, the initial stack, and the first thread,
   attached to the process. lfi-run and every .box.so start this way. */
#include "linux.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROGRAM_AT (1ULL << 20)		/* box offset of the program */
#define INTERP_AT (1ULL << 30)		/* and of its interpreter */

uint8_t *lfi_read_fd(int fd, size_t *size)
{
	struct stat st;
	uint8_t *buf = NULL;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode))
		errno = EISDIR;
	else if (fstat(fd, &st) == 0 && (buf = malloc(st.st_size ? st.st_size : 1))) {
		size_t got = 0;
		while (got < (size_t)st.st_size) {
			ssize_t n = read(fd, buf + got, st.st_size - got);
			if (n <= 0)
				break;
			got += n;
		}
		if (got != (size_t)st.st_size) {
			free(buf);
			buf = NULL;
			errno = EIO;
		}
		*size = got;
	}
	close(fd);
	return buf;
}

/* The whole file at the box path `path`, from the box's files, and
   whether it is a memory file whose digest matched; NULL with errno. */
static uint8_t *read_box_file(struct lfi_proc *p, const char *path, size_t *size,
			      int *preverified)
{
	int fd = lfi_fs_open(p->fs, path, preverified);

	if (fd < 0)
		errno = -fd;
	return lfi_read_fd(fd, size);
}

/* An image loaded at box offset `at`; "NAME: reason" in why. */
static int load(struct lfi_proc *p, const uint8_t *file, size_t size, int preverified,
		uint64_t at, const char *name, struct lfi_image *img, char *why, size_t n)
{
	char reason[256];

	if (lfi_load_elf(p->box, file, size, preverified, lfi_box_base(p->box) + at,
			 img, reason, sizeof reason)) {
		snprintf(why, n, "%s: %s", name, reason);
		return -1;
	}
	return 0;
}

/* The interpreter, from the box's files. */
static int load_interp(struct lfi_proc *p, const char *path, struct lfi_image *img,
		       char *why, size_t n)
{
	size_t size;
	int preverified = 0, err;
	uint8_t *file = read_box_file(p, path, &size, &preverified);

	if (!file) {
		snprintf(why, n, "%s: %s", path, strerror(errno));
		return -1;
	}
	err = load(p, file, size, preverified, INTERP_AT, path, img, why, n);
	free(file);
	return err;
}

static int start(struct lfi_proc *p, const uint8_t *file, size_t size,
		 int preverified, const char *name, char *const argv[],
		 char *const envp[], struct lfi_start *s, char *why, size_t n)
{
	struct lfi_image prog, interp = { 0 };

	if (load(p, file, size, preverified, PROGRAM_AT, name, &prog, why, n))
		return -1;
	s->pc = prog.entry;
	if (prog.interp[0]) {
		if (load_interp(p, prog.interp, &interp, why, n))
			return -1;
		s->pc = interp.entry;
	}
	lfi_box_brk_init(p->box, prog.end);
	s->sp = lfi_initial_stack(p->box, &prog, interp.bias, name, argv, envp);
	s->t = s->sp ? lfi_thread_new(p->box, lfi_linux_syscall, p) : NULL;
	if (!s->t || lfi_proc_attach(p, s->t)) {
		lfi_thread_free(s->t);
		snprintf(why, n, "%s: cannot set up the stack", name);
		return -1;
	}
	return 0;
}

int lfi_proc_start(struct lfi_proc *p, const uint8_t *file, size_t size,
		   const char *name, char *const argv[], char *const envp[],
		   struct lfi_start *s, char *why, size_t n)
{
	return start(p, file, size, 0, name, argv, envp, s, why, n);
}

int lfi_proc_exec(struct lfi_proc *p, const char *path, char *const argv[],
		  char *const envp[], struct lfi_start *s, char *why, size_t n)
{
	size_t size;
	int preverified = 0, err;
	uint8_t *file = read_box_file(p, path, &size, &preverified);

	if (!file) {
		snprintf(why, n, "%s: %s", path, strerror(errno));
		return -1;
	}
	err = start(p, file, size, preverified, path, argv, envp, s, why, n);
	free(file);
	return err;
}
