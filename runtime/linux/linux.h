/*
 * linux.h - the Linux layer of the runtime: a process in a box (ELF
 * loading, the initial stack, system calls) on top of the core, which
 * knows only boxes, memory and transitions.
 */
#ifndef LFI_LINUX_H
#define LFI_LINUX_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/box.h"
#include "../core/thread.h"

/* Where an ELF image landed. */
struct lfi_image {
	uint64_t bias;		/* load address - link address */
	uint64_t entry;		/* absolute */
	uint64_t phdr;		/* absolute address of the program headers */
	uint64_t phnum, phent;
	uint64_t end;		/* first page after the highest segment */
	char interp[256];	/* PT_INTERP, "" if none */
};

struct lfi_fs;		/* mapped directories, working directory, umask */
struct lfi_fds;		/* the box's file descriptors */

/* A process in a box. */
struct lfi_proc {
	struct lfi_box *box;
	struct lfi_fs *fs;
	struct lfi_fds *fds;
	int verbose;		/* -V: trace system calls on stderr */
	const char *name;	/* for messages */
	int exit_status;
	int exited;
	/* threads (sys_thread.c) and signal dispositions (sys_signal.c) */
	pthread_mutex_t lock;	/* PTHREAD_MUTEX_INITIALIZER */
	pthread_cond_t idle;	/* PTHREAD_COND_INITIALIZER: threads hit 0 or exited set */
	int threads;		/* alive, not counting the first */
	/* every context running the process's code (the first one too,
	   lfi_proc_attach): what exit_group stops */
	struct lfi_thread **running;
	size_t nrunning, cap_running;
	struct lfi_sigaction {	/* the kernel's struct sigaction */
		uint64_t handler, flags, restorer, mask;
	} sigactions[64];
	/* sobox's handover (sys_sobox.c): the context allowed to make it
	   (NULL: the call does not exist), and the checked export table */
	struct lfi_thread *handover_from;
	uint64_t *exports;	/* malloc'ed, box addresses */
	size_t nexports;
	struct lfi_adopt *adopt;	/* sobox's adoption of a host thread */
	/* the host functions runtime call 40 may call (thread.h), given to
	   every thread clone makes: the embedder's (a .box.so's registered
	   callbacks), NULL and 0 for none */
	const uint64_t *callbacks;
	uint64_t ncallbacks;
	/* called once, by the thread whose exit_group ends the process,
	   before the others stop: for an embedder whose own host threads run
	   the process's code without being in `running` (sobox), to stop
	   their runs too. NULL: none. Read under `lock`: an embedder
	   clears it there */
	void (*ended)(struct lfi_proc *p);
};

/*
 * sobox gives each host thread that calls into a .box.so a thread of the
 * sandbox's libc (musl cannot adopt a foreign thread): with p->adopt set,
 * the stub's pthread_create on context `from` makes no host thread; its
 * clone is recorded here and returns `tid` (the host thread's id), and
 * the host runs the new thread's start on its own context `to` until it
 * makes LFI_SYS_SOBOX_PAUSE, which leaves the run (paused = 1). From
 * then on that context, with the new thread's thread pointer, is the host
 * thread's in the box.
 */
struct lfi_adopt {
	struct lfi_thread *from, *to;
	int tid;
	int cloned, paused;
	uint64_t paused_sp;	/* the sandbox %rsp where `to` paused */
	struct lfi_return_point at;
	uint64_t flags, sp, tp, ctid;
	uint64_t args[6];
};

/*
 * The system call a .box.so's stub program makes once its libraries are
 * loaded: handover(table, count) gives the runtime the box addresses of
 * the exported functions. The runtime copies the table once, checks each
 * address (in the box, bundle-aligned, in verified code), keeps it in
 * p->exports and ends the run (lfi_leave(t, 0)), leaving the stub's main
 * thread paused in the call. x86-64 Linux leaves 335-423 unused for good
 * (calls added since 4.19 take the numbers shared by every architecture,
 * from 424 on), so no Linux call can ever have this number.
 */
#define LFI_SYS_SOBOX_HANDOVER 400
#define LFI_SYS_SOBOX_PAUSE 401	/* struct lfi_adopt */
#define LFI_SOBOX_MAX_EXPORTS 65536

/*
 * Loads the ELF executable or shared object in `file` (size bytes, read
 * by the caller) at the page-aligned box address `at` (its lowest
 * segment's page): checks the headers, the LFI note, maps data segments
 * and makes code segments executable through the verifier. `preverified`
 * (from lfi_fs_open: a memory file whose digest matched, nothing else)
 * lets its executable segments skip the verifier. On failure returns
 * -errno and one line in `why`.
 */
int lfi_load_elf(struct lfi_box *box, const uint8_t *file, size_t size,
		 int preverified, uint64_t at, struct lfi_image *img, char *why,
		 size_t why_size);

/* The initial stack (argc, argv, envp, auxv) for a program loaded as
   `prog` (and its interpreter at `interp_bias`, 0 if none). Returns the
   %rsp to start with, 0 on failure. */
uint64_t lfi_initial_stack(struct lfi_box *box, const struct lfi_image *prog,
			   uint64_t interp_bias, const char *execfn,
			   char *const argv[], char *const envp[]);

/*
 * Files (path.c, fd.c; the policy is in path.c's comment). A new fs maps
 * nothing, has working directory "/" and umask 022. lfi_fs_map makes the
 * host directory `host_path` visible at the absolute box path `box_path`
 * (read-only with `ro`): -EINVAL for a relative box path or one with
 * "..", -EEXIST when mapped already, -EPERM for procfs, the host's error
 * when it is not a directory. lfi_fs_chdir and lfi_fs_open resolve box
 * paths; lfi_fs_open returns a host fd opened read-only (the caller
 * closes it) or -errno, and in *preverified (if not NULL) whether it is
 * a memory file whose digest matched. lfi_fds_new makes a table whose
 * fds 0-2 are dups of the host fds std[0..2] (-1: closed; NULL: none).
 */
struct lfi_fs *lfi_fs_new(void);
void lfi_fs_free(struct lfi_fs *fs);
int lfi_fs_map(struct lfi_fs *fs, const char *box_path, const char *host_path,
	       int ro);
int lfi_fs_has_map(const struct lfi_fs *fs, const char *box_path);
int lfi_fs_chdir(struct lfi_fs *fs, const char *path);
int lfi_fs_open(struct lfi_fs *fs, const char *path, int *preverified);

/*
 * Memory files (memfile.c): makes the `size` bytes at `bytes` a read-only
 * regular file at the absolute box path `box_path`, a mapping point of
 * its own (its parents are virtual directories; it shadows what a mapped
 * directory has there). The box opens, reads, stats and maps it like a
 * host file in a read-only mapping. The bytes are copied into a sealed
 * memfd at once, but must stay unchanged as long as the fs lives: adding
 * the same `bytes` and `size` again (libc.so under two names) shares that
 * memfd. `digest` is the SHA-256 sobox stored after verifying the file's
 * executable segments, or NULL: when the SHA-256 of the sealed contents
 * equals it, mapping exactly one of those segments skips the verifier
 * (memfile_segment_preverified, lfi_box_map_code_preverified); a file
 * whose digest differs is verified like any other. 0 or -errno: -EINVAL
 * for a relative path, "..", or "/", -EEXIST when the path is mapped
 * already, -ENOSPC, -ENOENT when the host has no procfs (memfile.c says
 * why it needs it), the memfd's errors.
 */
#define LFI_SHA256_SIZE 32
int lfi_fs_add_memory_file(struct lfi_fs *fs, const char *box_path,
			   const uint8_t *bytes, size_t size,
			   const uint8_t digest[LFI_SHA256_SIZE]);
struct lfi_fds *lfi_fds_new(const int std[3]);
void lfi_fds_free(struct lfi_fds *fds);

/*
 * Starts a process in the box as execve would: the program (its bytes;
 * `name` is its name for AT_EXECFN and messages) and the interpreter it
 * names, read from the box's files (p->fs), the break, the initial stack,
 * and the first thread, attached to the process. The caller then runs
 * s->t from s->pc with stack s->sp. 0, or -1 with one line in `why`
 * ("NAME: reason", NAME the program's or the interpreter's).
 */
struct lfi_start {
	struct lfi_thread *t;
	uint64_t pc, sp;
};
int lfi_proc_start(struct lfi_proc *p, const uint8_t *file, size_t size,
		   const char *name, char *const argv[], char *const envp[],
		   struct lfi_start *s, char *why, size_t n);

/* Like lfi_proc_start, the program read from the box's own files at
   `path` (its name, too), so that a memory file's digest counts. */
int lfi_proc_exec(struct lfi_proc *p, const char *path, char *const argv[],
		  char *const envp[], struct lfi_start *s, char *why, size_t n);

/* The whole file behind fd (closed), or NULL with errno. */
uint8_t *lfi_read_fd(int fd, size_t *size);

/* The first thread's context, made by the embedding code (lfi-run,
   sobox), so that exit_group from another thread stops it too; detach
   before freeing it. 0 or -ENOMEM. */
int lfi_proc_attach(struct lfi_proc *p, struct lfi_thread *t);
void lfi_proc_detach(struct lfi_proc *p, struct lfi_thread *t);

/* After the first thread's run ended without exit_group (it called
   exit): waits until the other threads are gone or one ends the process. */
void lfi_proc_wait(struct lfi_proc *p);

/* Ends the process from outside (from a thread running none of its
   code), as its exit_group would with `status` (p->ended is called if
   set), and waits until every thread of it is gone: one in a callback's
   host code stops when the callback returns. Then the embedder may free
   the process's box, fs and fds. */
void lfi_proc_end(struct lfi_proc *p, int status);

/* Runtime call 0 for a process (lfi_syscall_fn); t->user is the proc. */
long lfi_linux_syscall(struct lfi_thread *t, struct lfi_syscall_regs *r);

#endif
