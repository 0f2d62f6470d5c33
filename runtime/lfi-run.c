/*
 * lfi-run - run a sandboxed program (static-pie or dynamic) in a box.
 *
 *   lfi-run [--dir BOX=HOST[:ro]]... [--env K=V]... [--wd DIR] [--no-stdin]
 *           [--no-stdio] [-V]
 *           PROGRAM [ARGS...]
 *
 * PROGRAM is a host path. The box sees no host file but the directories
 * mapped with --dir (read-only with :ro) and, unless --dir maps /lib
 * itself, the sysroot's lib directory (build/sysroot/lib next to
 * build/bin) at /lib read-only, where ld-musl is found. Its environment
 * holds only the --env pairs; its working directory is --wd (default /);
 * its standard streams are the host's. -V traces system calls.
 *
 * Exit status: the program's; 128 + signal number when it faults (with
 * one line naming the fault); 2 for bad options or when PROGRAM cannot
 * be run (missing, not ELF, not LFI code, does not verify).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <ucontext.h>
#include <unistd.h>

#include "core/signals.h"
#include "linux/linux.h"
#include "lfi_verify.h"


#define MAX_ENV 256

/* What the options ask for. */
struct options {
	char *env[MAX_ENV + 1];	/* NULL-terminated */
	int nenv;
	const char *wd;
	int std[3];		/* the host fds the box's 0-2 are, -1: closed */
};

static int usage(void)
{
	fprintf(stderr, "usage: lfi-run [--dir BOX=HOST[:ro]]... [--env K=V]... "
		"[--wd DIR] [--no-stdin] [--no-stdio] [-V] PROGRAM [ARGS...]\n");
	return 2;
}

static int bad_input(const char *file, const char *why)
{
	fprintf(stderr, "lfi-run: %s: %s\n", file, why);
	return 2;
}

/* The sysroot's lib directory, next to this tool (build/bin ->
   build/sysroot/lib): mapped at /lib for the interpreter path ld-musl
   programs name, /lib/ld-musl-x86_64.so.1. */
static char *sysroot_lib(void)
{
	char self[4096], *slash, *p;
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n <= 0)
		return NULL;
	self[n] = '\0';
	if (!(slash = strrchr(self, '/')))
		return NULL;
	*slash = '\0';
	if (asprintf(&p, "%s/../sysroot/lib", self) < 0)
		return NULL;
	return p;
}

static const char *fault_name;
static struct lfi_verifier *fault_decoder;

/* The faulting instruction's text. The pc may be on an unmapped or
   unreadable box page (a jump there is what faulted), so the bytes are
   read with process_vm_readv, which fails instead of faulting again
   (SIGSEGV is blocked in this handler: a second one would kill us). */
static void fault_insn(uint64_t pc, char *text, size_t size)
{
	uint8_t bytes[32];
	size_t avail = 32 - pc % 32;	/* an instruction never crosses a bundle */
	struct iovec local = { bytes, avail }, remote = { (void *)(uintptr_t)pc, avail };

	snprintf(text, size, "?");
	if (fault_decoder &&
	    process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == (ssize_t)avail)
		lfi_disassemble(fault_decoder, bytes, avail, pc, text, size);
}

/* A fault inside a box ends the program with a one-line report (faults
   elsewhere go to the handler before ours, signals.h): the kind, the
   sandbox address, and the instruction. */
static void on_fault(struct lfi_thread *t, int sig, siginfo_t *si, void *uc)
{
	uint64_t base = t->base;
	char line[512], insn[128];
	int n;

	fault_insn(t->fault_pc, insn, sizeof insn);
	n = snprintf(line, sizeof line, "lfi-run: %s: %s at sandbox address 0x%llx "
		     "(pc 0x%llx: `%s`)\n", fault_name, strsignal(sig),
		     (unsigned long long)(t->fault_addr - base),
		     (unsigned long long)(t->fault_pc - base), insn);
	if (write(2, line, n) < 0)
		n = 0;
	_exit(128 + sig);
}

static int run(struct lfi_proc *p, struct options *o, char **argv)
{
	uint64_t base = lfi_box_base(p->box);
	struct lfi_start s;
	char why[512];
	size_t size;
	uint8_t *file = lfi_read_fd(open(argv[0], O_RDONLY | O_CLOEXEC), &size);
	long ret;
	int err;

	if (!file)
		return bad_input(argv[0], strerror(errno));
	err = lfi_proc_start(p, file, size, argv[0], argv, o->env, &s, why, sizeof why);
	free(file);
	if (err) {
		fprintf(stderr, "lfi-run: %s\n", why);
		return 2;
	}
	fault_name = argv[0];
	ret = lfi_thread_run(s.t, s.pc, s.sp, NULL);
	lfi_proc_detach(p, s.t);	/* no longer running box code */
	if (!p->exited && s.t->bad_call < 0)
		lfi_proc_wait(p);	/* the first thread called exit */
	if (s.t->bad_call >= 0) {
		fprintf(stderr, "lfi-run: %s: bad runtime call %d at sandbox address 0x%llx\n",
			argv[0], s.t->bad_call,
			(unsigned long long)(s.t->sbx_ret - base));
		return 128 + SIGILL;
	}
	lfi_thread_free(s.t);
	return p->exited ? p->exit_status : (int)(ret & 0xff);
}

/* --dir BOX=HOST[:ro] */
static int map_dir(struct lfi_fs *fs, char *arg)
{
	char *eq = strchr(arg, '='), *host;
	size_t n;
	int ro = 0, err;

	if (!eq || eq == arg || !eq[1])
		return bad_input(arg, "--dir wants BOX=HOST[:ro]");
	*eq = '\0';
	host = eq + 1;
	n = strlen(host);
	if (n > 3 && !strcmp(host + n - 3, ":ro")) {
		host[n - 3] = '\0';
		ro = 1;
	}
	if ((err = lfi_fs_map(fs, arg, host, ro))) {
		const char *why = err == -EINVAL ? "the box path must be absolute, without .." :
				  err == -EPERM ? "procfs cannot be mapped" :
				  err == -EEXIST ? "box path mapped twice" : strerror(-err);
		fprintf(stderr, "lfi-run: --dir %s=%s: %s\n", arg, host, why);
		return 2;
	}
	return 0;
}

/* The options before PROGRAM; returns the index of PROGRAM, or -2 after
   a one-line complaint. */
static int parse(int argc, char **argv, struct lfi_proc *p, struct options *o)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *opt = argv[i];
		if (!strcmp(opt, "-V"))
			p->verbose = 1;
		else if (!strcmp(opt, "--no-stdin"))
			o->std[0] = -1;
		else if (!strcmp(opt, "--no-stdio"))
			o->std[0] = o->std[1] = o->std[2] = -1;
		else if (!strcmp(opt, "--")) {
			i++;
			break;
		} else if (!strcmp(opt, "--dir") || !strcmp(opt, "--env") ||
			   !strcmp(opt, "--wd")) {
			char *arg = argv[++i];
			if (!arg)
				return usage(), -2;
			if (opt[2] == 'd' && map_dir(p->fs, arg))
				return -2;
			if (opt[2] == 'w')
				o->wd = arg;
			if (opt[2] == 'e') {
				if (!strchr(arg, '=') || arg[0] == '=')
					return bad_input(arg, "--env wants K=V"), -2;
				if (o->nenv == MAX_ENV)
					return bad_input(arg, "too many --env"), -2;
				o->env[o->nenv++] = arg;
			}
		} else
			return usage(), -2;
	}
	return i < argc ? i : (usage(), -2);
}

/* The box's files: the mappings, /lib, the working directory, streams. */
static int setup_files(struct lfi_proc *p, struct options *o)
{
	char *lib;
	int err;

	if (!lfi_fs_has_map(p->fs, "/lib")) {
		if (!(lib = sysroot_lib()) || (err = lfi_fs_map(p->fs, "/lib", lib, 1)))
			return bad_input(lib ? lib : "/proc/self/exe",
					 "cannot map the sysroot's lib directory");
		free(lib);
	}
	if (o->wd && (err = lfi_fs_chdir(p->fs, o->wd))) {
		fprintf(stderr, "lfi-run: --wd %s: %s\n", o->wd, strerror(-err));
		return 2;
	}
	if (!(p->fds = lfi_fds_new(o->std)))
		return bad_input("lfi-run", strerror(ENOMEM));
	return 0;
}

int main(int argc, char **argv)
{
	struct lfi_proc p = { .lock = PTHREAD_MUTEX_INITIALIZER,
			      .idle = PTHREAD_COND_INITIALIZER };
	struct options o = { .std = { 0, 1, 2 } };
	uint64_t table[LFI_RUNTIME_CALLS];
	int i, err;

	if (!(p.fs = lfi_fs_new()))
		return bad_input("lfi-run", strerror(ENOMEM));
	if ((i = parse(argc, argv, &p, &o)) < 0 || setup_files(&p, &o))
		return 2;
	p.name = argv[i];
	lfi_runtime_table(table);
	p.box = lfi_box_new(table, &err);
	if (!p.box)
		return bad_input(argv[i], strerror(-err));
	fault_decoder = lfi_verifier_new();
	if (lfi_signals_catch_faults(on_fault) < 0)
		return bad_input(argv[i], "cannot install fault handlers");
	return run(&p, &o, argv + i);
}
