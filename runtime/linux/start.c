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

/* The interpreter, from the box's files. */
static int load_interp(struct lfi_proc *p, const char *path, struct lfi_image *img,
		       char *why, size_t n)
{
	char reason[256];
	size_t size;
	int fd = lfi_fs_open(p->fs, path), err;
	uint8_t *file;

	if (fd < 0)
		errno = -fd;
	if (!(file = lfi_read_fd(fd, &size))) {
		snprintf(why, n, "%s: %s", path, strerror(errno));
		return -1;
	}
	err = lfi_load_elf(p->box, file, size, lfi_box_base(p->box) + INTERP_AT,
			   img, reason, sizeof reason);
	free(file);
	if (err)
		snprintf(why, n, "%s: %s", path, reason);
	return err ? -1 : 0;
}

int lfi_proc_start(struct lfi_proc *p, const uint8_t *file, size_t size,
		   const char *name, char *const argv[], char *const envp[],
		   struct lfi_start *s, char *why, size_t n)
{
	struct lfi_image prog, interp = { 0 };
	char reason[256];

	if (lfi_load_elf(p->box, file, size, lfi_box_base(p->box) + PROGRAM_AT,
			 &prog, reason, sizeof reason)) {
		snprintf(why, n, "%s: %s", name, reason);
		return -1;
	}
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
