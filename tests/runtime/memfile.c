/*
 * memfile.c - the harness of tests/runtime/memfile.sh: a process in a
 * box whose files are memory files (runtime/linux/memfile.c), each given
 * a right digest, a wrong one, or none.
 *
 *   runtime-memfile [-n] [-f BOX=HOST:good|bad|none]... [-d BOX=HOST]...
 *                   PROGRAM [ARGS...]
 *
 * -f reads the host file and adds it at the box path BOX with its own
 * SHA-256 (good: the harness vouches for it, which only a test may do),
 * that digest with one bit changed (bad), or NULL (none). -d maps a host
 * directory read-write. PROGRAM is a box path started with lfi_proc_exec;
 * -n only loads it. Afterwards one line on stdout:
 *   code: verified V preverified P
 * (lfi_box_code_bytes). Exit status: the program's, 0 with -n, 2 when it
 * cannot be started (one line on stderr), 128 + signal on a fault.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/signals.h"
#include "linux/linux.h"

static int bad(const char *what, const char *why)
{
	fprintf(stderr, "runtime-memfile: %s: %s\n", what, why);
	return 2;
}

/* The bytes of a host file, read once per path (as a .box.so holds
   libc.so once for two box paths) and kept for the process's life. */
static uint8_t *bytes_of(const char *host, size_t *size)
{
	static struct { const char *host; uint8_t *bytes; size_t size; } seen[64];
	static int n;

	for (int i = 0; i < n; i++)
		if (!strcmp(seen[i].host, host)) {
			*size = seen[i].size;
			return seen[i].bytes;
		}
	uint8_t *b = lfi_read_fd(open(host, O_RDONLY | O_CLOEXEC), size);
	if (b && n < 64)
		seen[n++] = (typeof(seen[0])){ host, b, *size };
	return b;
}

/* -f BOX=HOST:MODE */
static int add_file(struct lfi_fs *fs, char *arg)
{
	char *eq = strchr(arg, '='), *mode = strrchr(arg, ':');
	uint8_t digest[SHA256_DIGEST_SIZE], *bytes;
	struct sha256_ctx c;
	size_t size;
	int err;

	if (!eq || !mode || mode < eq)
		return bad(arg, "-f wants BOX=HOST:good|bad|none");
	*eq = *mode++ = '\0';
	if (!(bytes = bytes_of(eq + 1, &size)))
		return bad(eq + 1, strerror(errno));
	sha256_init(&c);
	sha256_update(&c, size, bytes);
	sha256_digest(&c, sizeof digest, digest);
	if (!strcmp(mode, "bad"))
		digest[7] ^= 1;
	err = lfi_fs_add_memory_file(fs, arg, bytes, size,
				     strcmp(mode, "none") ? digest : NULL);
	return err ? bad(arg, strerror(-err)) : 0;
}

static void on_fault(struct lfi_thread *t, int sig, siginfo_t *si, void *uc)
{
	fprintf(stderr, "runtime-memfile: fault %d at 0x%llx\n", sig,
		(unsigned long long)(t->fault_pc - t->base));
	_exit(128 + sig);
}

static int run(struct lfi_proc *p, char **argv, int load_only)
{
	static char *envp[] = { NULL };
	uint64_t verified, preverified;
	struct lfi_start s;
	char why[512];
	long ret = 0;

	if (lfi_proc_exec(p, argv[0], argv, envp, &s, why, sizeof why))
		return bad("start", why);
	if (!load_only) {
		ret = lfi_thread_run(s.t, s.pc, s.sp, NULL);
		lfi_proc_detach(p, s.t);
		if (!p->exited && s.t->bad_call < 0)
			lfi_proc_wait(p);
		ret = p->exited ? p->exit_status : (int)(ret & 0xff);
	}
	lfi_box_code_bytes(p->box, &verified, &preverified);
	printf("code: verified %llu preverified %llu\n",
	       (unsigned long long)verified, (unsigned long long)preverified);
	fflush(stdout);
	return (int)ret;
}

int main(int argc, char **argv)
{
	static const int std[3] = { 0, 1, 2 };
	struct lfi_proc p = { .lock = PTHREAD_MUTEX_INITIALIZER,
			      .idle = PTHREAD_COND_INITIALIZER };
	uint64_t table[LFI_RUNTIME_CALLS];
	int i = 1, load_only = 0, err;

	if (!(p.fs = lfi_fs_new()) || !(p.fds = lfi_fds_new(std)))
		return bad("setup", strerror(ENOMEM));
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-n"))
			load_only = 1;
		else if (!strcmp(argv[i], "-f") && i + 1 < argc) {
			if (add_file(p.fs, argv[++i]))
				return 2;
		} else if (!strcmp(argv[i], "-d") && i + 1 < argc) {
			char *eq = strchr(argv[++i], '=');
			if (!eq)
				return bad(argv[i], "-d wants BOX=HOST");
			*eq = '\0';
			if ((err = lfi_fs_map(p.fs, argv[i], eq + 1, 0)))
				return bad(argv[i], strerror(-err));
		} else
			return bad(argv[i], "unknown option");
	}
	if (i == argc)
		return bad("usage", "runtime-memfile [-n] [-f BOX=HOST:MODE]... "
			   "[-d BOX=HOST]... PROGRAM [ARGS...]");
	p.name = argv[i];
	lfi_runtime_table(table);
	if (!(p.box = lfi_box_new(table, &err)))
		return bad("box", strerror(-err));
	if (lfi_signals_catch_faults(on_fault) < 0)
		return bad("box", "cannot install the fault handler");
	return run(&p, argv + i, load_only);
}
