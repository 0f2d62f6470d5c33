/*
 * lfi-run - run a sandboxed program (static-pie or dynamic) in a box.
 *
 *   lfi-run [-V] PROGRAM [ARGS...]
 *
 * Exit status: the program's; 128 + signal number when it faults (with
 * one line naming the fault); 2 when PROGRAM cannot be run (missing, not
 * ELF, not LFI code, does not verify). This first version passes the
 * host's environment and standard streams, and serves the system calls
 * listed in linux/syscall.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>

#include "linux/linux.h"

#define PROGRAM_AT (1ULL << 20)		/* box offset of the program */
#define INTERP_AT (1ULL << 30)		/* and of its interpreter */

extern char **environ;

static int usage(void)
{
	fprintf(stderr, "usage: lfi-run [-V] PROGRAM [ARGS...]\n");
	return 2;
}

static int bad_input(const char *file, const char *why)
{
	fprintf(stderr, "lfi-run: %s: %s\n", file, why);
	return 2;
}

/* The whole file, or NULL with errno. */
static uint8_t *read_file(const char *path, size_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
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

static int load(struct lfi_box *box, const char *path, uint64_t at,
		struct lfi_image *img)
{
	char why[256];
	size_t size;
	uint8_t *file = read_file(path, &size);
	int err;

	if (!file)
		return bad_input(path, strerror(errno));
	err = lfi_load_elf(box, file, size, at, img, why, sizeof why);
	free(file);
	return err ? bad_input(path, why) : 0;
}

/* The sysroot's file for the interpreter path a program names, next to
   this tool (build/bin -> build/sysroot), until --dir maps directories. */
static char *interp_path(const char *interp)
{
	char self[4096], *slash;
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	const char *base = strrchr(interp, '/');
	char *p;

	if (n <= 0)
		return NULL;
	self[n] = '\0';
	if (!(slash = strrchr(self, '/')))
		return NULL;
	*slash = '\0';
	if (asprintf(&p, "%s/../sysroot/lib/%s", self, base ? base + 1 : interp) < 0)
		return NULL;
	return p;
}

static struct lfi_box *fault_box;
static const char *fault_name;

/* A fault inside the box ends the program with a one-line report; any
   other fault goes to the default action (the runtime's own bug). */
static void on_fault(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	uint64_t pc = uc->uc_mcontext.gregs[REG_RIP];
	char line[256];
	int n;

	if (!fault_box || !lfi_box_contains(fault_box, pc, 1)) {
		signal(sig, SIG_DFL);
		return;
	}
	n = snprintf(line, sizeof line, "lfi-run: %s: %s at sandbox address 0x%llx "
		     "(pc 0x%llx)\n", fault_name, strsignal(sig),
		     (unsigned long long)((uintptr_t)si->si_addr - lfi_box_base(fault_box)),
		     (unsigned long long)(pc - lfi_box_base(fault_box)));
	if (write(2, line, n) < 0)
		n = 0;
	_exit(128 + sig);
}

static int catch_faults(void)
{
	static char altstack[64 << 10];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
	struct sigaction sa = { .sa_sigaction = on_fault,
				.sa_flags = SA_SIGINFO | SA_ONSTACK };
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };

	if (sigaltstack(&ss, NULL) < 0)
		return -1;
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (sigaction(sigs[i], &sa, NULL) < 0)
			return -1;
	return 0;
}

static int run(struct lfi_proc *p, int argc, char **argv)
{
	struct lfi_image prog, interp = { 0 };
	uint64_t base = lfi_box_base(p->box), sp, pc;
	struct lfi_thread *t;
	int st;
	long ret;

	if ((st = load(p->box, argv[0], base + PROGRAM_AT, &prog)))
		return st;
	pc = prog.entry;
	if (prog.interp[0]) {
		char *path = interp_path(prog.interp);
		if (!path)
			return bad_input(prog.interp, "cannot find the interpreter");
		if ((st = load(p->box, path, base + INTERP_AT, &interp)))
			return st;
		pc = interp.entry;
	}
	lfi_box_brk_init(p->box, prog.end);
	sp = lfi_initial_stack(p->box, &prog, interp.bias, argv[0], argv, environ);
	t = lfi_thread_new(p->box, lfi_linux_syscall, p);
	if (!sp || !t)
		return bad_input(argv[0], "cannot set up the stack");
	fault_box = p->box;
	fault_name = argv[0];
	(void)argc;
	ret = lfi_thread_run(t, pc, sp, NULL);
	if (t->bad_call >= 0) {
		fprintf(stderr, "lfi-run: %s: bad runtime call %d at sandbox address 0x%llx\n",
			argv[0], t->bad_call,
			(unsigned long long)(t->sbx_ret - base));
		return 128 + SIGILL;
	}
	lfi_thread_free(t);
	return p->exited ? p->exit_status : (int)(ret & 0xff);
}

int main(int argc, char **argv)
{
	struct lfi_proc p = { 0 };
	uint64_t table[LFI_RUNTIME_CALLS];
	int i = 1, err;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-V"))
			p.verbose = 1;
		else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else
			return usage();
	}
	if (i == argc)
		return usage();
	p.name = argv[i];
	lfi_runtime_table(table);
	p.box = lfi_box_new(table, &err);
	if (!p.box)
		return bad_input(argv[i], strerror(-err));
	if (catch_faults() < 0)
		return bad_input(argv[i], "cannot install fault handlers");
	return run(&p, argc - i, argv + i);
}
