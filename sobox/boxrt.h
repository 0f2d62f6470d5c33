/*
 * boxrt.h - libsoboxrt.a, the part of every .box.so that sobox does not
 * generate: the box behind the library (boxrt.c), the host threads'
 * contexts in it (rt_thread.c), the box API of foo_box.h (rt_api.c), and
 * the out-of-line paths of the trampolines (rt_entry.S, rt_calls.c).
 *
 * Linked statically into each .box.so with hidden visibility: each
 * library has its own copy of the state below, one box per .box.so. The
 * generated trampolines (tramp.S) reach it by symbol, which is why it is
 * global state.
 */
#ifndef SOBOX_BOXRT_H
#define SOBOX_BOXRT_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "core/call.h"
#include "linux/linux.h"

/* What tramp.c writes for each export (.Ldesc): keep in sync. */
struct sobox_desc {
	uint32_t index, n_int, n_sse, stack_bytes, ret, ret_size;
	int32_t ret_ptr, variadic;
	const char *name;
	uint64_t frame_size;
};

/* The stub's table: the exports, then these functions of the stub and
   its libc, in this order (sobox.c writes the stub). */
enum sobox_control {
	SOBOX_ATTACH,		/* pthread_t attach(void *stack, size_t size) */
	SOBOX_DETACH,		/* pthread_exit(0) */
	SOBOX_MALLOC,
	SOBOX_CALLOC,
	SOBOX_REALLOC,
	SOBOX_FREE,
	SOBOX_CONTROLS
};

#define SOBOX_CALL_STACK (1ULL << 20)	/* each host thread's, pinned */

struct sobox_stack {
	uint64_t lo;
	struct sobox_stack *next;
};

struct sobox_lib {
	const char *name;	/* the .box.so, for messages */
	struct lfi_proc p;
	struct lfi_thread *main;	/* the stub's main thread, paused */
	size_t nexports;
	uint64_t control[SOBOX_CONTROLS];	/* box addresses */
	uint64_t return_stub;
	uint64_t control_stack;	/* top of the stack attach runs on */
	pthread_mutex_t attach_lock;
	/* the adoption in progress (under attach_lock; p.adopt points here
	   meanwhile): not on a host stack, since box threads read p.adopt
	   in their system calls without the lock */
	struct lfi_adopt adopt;
	pthread_key_t key;	/* detaches a thread when it ends */
	struct sobox_stack *free_stacks;
	/* the host threads' contexts (stopped when the library ends its
	   process), under hosts_lock */
	struct lfi_thread **hosts;
	size_t nhosts, cap_hosts;
	pthread_mutex_t hosts_lock;
	/* callbacks: LFI_MAX_CALLBACKS host functions (every context's
	   table), their stubs in the box (mapped at the first
	   registration: 0 until then) */
	uint64_t *callbacks;
	uint64_t callback_stubs;
	pthread_mutex_t callback_lock;
	int ready, dead;
	/* sobox_destroy (rt_destroy.c): ending the library's threads, under
	   no lock; attaching waits for `destroyed` meanwhile (attach_lock) */
	int destroying;
	pthread_cond_t destroyed;
	/* calls into the box from C in progress (sobox_call6): destroy's
	   store-then-load partner, like the contexts' host_rsp */
	uint64_t c_calls;
};

extern struct sobox_lib sobox_lib;

/* tramp.S: the exports' box addresses, and their descriptors */
extern uint64_t sobox_fns[];
extern const struct sobox_desc *const sobox_descs[];
extern void *const sobox_tramps[];	/* the trampolines themselves */
/* the box's base: pointer checks compare its high half */
extern uint64_t sobox_base;
/* this thread's context in the box, or NULL before its first call */
extern __thread struct lfi_thread *sobox_thread
	__attribute__((tls_model("initial-exec")));

/* A file embedded in the .box.so (sobox/embed.c), seen by the box at
   `path` as a read-only memory file (runtime/linux/memfile.c). */
struct sobox_file {
	const char *path;
	const uint8_t *bytes;	/* in the .box.so's rodata */
	size_t size;
	const uint8_t *digest;	/* SHA-256 sobox stored after verifying its
				   code; NULL for a file without code */
};

/* Where the stub program is in the box (sobox puts it there). */
#define SOBOX_STUB_PATH "/sobox/stub"

/*
 * Makes the library's box: its name space holds the `nfiles` files and
 * nothing else; runs the stub program (at SOBOX_STUB_PATH) through
 * ld-musl until it hands over its table of `nexports` exports (and
 * SOBOX_CONTROLS more), and fills sobox_fns. `name` is used in messages.
 * 0, or -1 after one line on stderr (every call then fails).
 * Environment: SOBOX_VERIFY_ALL=1 ignores the digests (all code verified
 * at load); SOBOX_VERBOSE=1 prints one line when the box is ready (the
 * time it took, the bytes of code verified and preverified) and one when
 * the library unloads (the totals by then).
 */
int sobox_init(const char *name, const struct sobox_file *files, size_t nfiles,
	       size_t nexports);

/* -lazy: the constructor only records sobox_init's arguments (0); the
   box is made at the first call into the library or its box API
   (sobox_ready). */
int sobox_init_later(const char *name, const struct sobox_file *files,
		     size_t nfiles, size_t nexports);
/* The box is made (now, if -lazy deferred it or sobox_destroy took it
   away): 1, else 0 (said). */
int sobox_ready(void);
/* The same with attach_lock held. */
int sobox_ready_locked(void);
/* After a destroy: a box that failed to be made may be tried again. */
void sobox_may_retry(void);

/* PREFIX_box_destroy (rt_destroy.c): the library's box goes, its threads
   and memory with it; the next call makes a new one. 0, or -1 with
   errno EBUSY while a thread is in a call into the box (ENOSYS without
   membarrier). */
int sobox_api_destroy(void);

/* The library's own threads ended, as by its exit_group but without
   sobox_ended (which would kill the box), and waited for (rt_destroy.c). */
void sobox_end_threads(void);

/* Undoes sobox_init's box once its threads are gone (rt_destroy.c); takes
   callback_lock (after attach_lock when the caller holds it). */
void sobox_unmake(void);

/* The run in progress on this thread (some box's), or NULL. */
struct lfi_thread *sobox_current_run(void);

/* This thread is making, destroying or leaving the box (a signal
   handler calling in on it must fail, not wait for itself): 0, or -1
   when it is so already. */
int sobox_setup_begin(void);
void sobox_setup_end(void);
/* sobox_setup_begin, then attach_lock; -1 (not taken) as above. */
int sobox_lock_attach(void);
void sobox_unlock_attach(void);
/* Under attach_lock: waits for a destroy in progress to end, unless the
   thread is in a run (of any box: it could be the library's own thread
   the destroy waits for); -1 when it could not wait. */
int sobox_wait_for_destroy(void);

/* detach_at_exit's call of the stub's DETACH, with sobox_setup_begin
   done: 1 when it ran (the thread's stack can be reused), 0 when the
   box went first or is dead. */
int sobox_detach(struct lfi_thread *t);

/* A call from C into the box begins (sobox_call6, or a copy into box
   memory): the thread attached and counted in c_calls, its context not
   closed (after waiting for a destroy and attaching to the next box).
   -1 when the call must fail; `detaching` fails at once on a closed
   context (detach_at_exit frees it). sobox_c_end after the call. */
int sobox_c_begin(int detaching);
void sobox_c_end(void);

/* A trampoline's or sobox_call6's context was closed by a destroy: waits
   for the destroy to end, then frees the context if its box went (the
   thread's next call attaches to a new box). 0: call again; -1: the
   call fails (the thread is in a run of some box: waiting could be
   waiting for itself). */
int sobox_closed_c(void);

/* One line on stderr: "NAME: " and the message. */
void sobox_complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The box ended (exit, a bad runtime call): every export becomes a
   function that returns -1 (0 for pointer results). */
void sobox_kill(const char *why);

/* rt_thread.c: the calling thread's context, attaching it on its first
   call; NULL after one line when that cannot be done. */
struct lfi_thread *sobox_attach(void);

/* A host thread's context leaves the list of hosts (it is ending). */
void sobox_forget_host(struct lfi_thread *t);

/* The library ended its process (struct lfi_proc's `ended`, on the
   thread that did): the box is dead, and the calls in progress on other
   host threads stop. */
void sobox_ended(struct lfi_proc *p);

/* rt_calls.c: the box is dead; if `t` is in a callback, the runs around
   it end when the callbacks return (struct lfi_thread's unwind). */
void sobox_unwind_if_dead(struct lfi_thread *t);

/* Calls the stub's function `fn` (its box address is read after the
   thread is attached: with -lazy that makes the box) with six integer
   arguments on the calling thread's context (nested below a callback's
   frame when the thread is in one); its %rax, or `fail` after one line. */
uint64_t sobox_call6(enum sobox_control fn, const uint64_t args[6], uint64_t fail);

/* rt_api.c: what an unregistered callback slot runs */
long sobox_unregistered_cb(void);

#endif
