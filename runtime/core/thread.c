/* Host threads' contexts for boxes, the runtime-call table, and the C
   side of entering a box (thread.h). */
#define _GNU_SOURCE
#include "thread.h"
#include "signals.h"

#include <asm/prctl.h>
#include <cpuid.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif

_Static_assert(offsetof(struct lfi_thread, base) == LFI_T_BASE, "entry.S");
_Static_assert(offsetof(struct lfi_thread, host_rsp) == LFI_T_HOST_RSP, "entry.S");
_Static_assert(offsetof(struct lfi_thread, sbx_rsp) == LFI_T_SBX_RSP, "entry.S");
_Static_assert(offsetof(struct lfi_thread, sbx_ret) == LFI_T_SBX_RET, "entry.S");
_Static_assert(offsetof(struct lfi_thread, tp) == LFI_T_TP, "entry.S");
_Static_assert(offsetof(struct lfi_thread, xsave) == LFI_T_XSAVE, "entry.S");
_Static_assert(offsetof(struct lfi_thread, host_mxcsr) == LFI_T_HOST_MXCSR, "entry.S");
_Static_assert(offsetof(struct lfi_thread, host_fcw) == LFI_T_HOST_FCW, "entry.S");
_Static_assert(offsetof(struct lfi_thread, callbacks) == LFI_T_CALLBACKS, "entry.S");
_Static_assert(offsetof(struct lfi_thread, ncallbacks) == LFI_T_NCALLBACKS, "entry.S");
_Static_assert(offsetof(struct lfi_thread, xsave_fresh) == LFI_T_XSAVE_FRESH, "entry.S");
_Static_assert(offsetof(struct lfi_thread, ret_sp) == LFI_T_RET_SP, "entry.S");
_Static_assert(offsetof(struct lfi_thread, call_sp) == LFI_T_CALL_SP, "trampoline.h");
_Static_assert(offsetof(struct lfi_thread, return_stub) == LFI_T_RETURN_STUB, "trampoline.h");
_Static_assert(offsetof(struct lfi_thread, call_stack_lo) == LFI_T_CALL_STACK_LO, "trampoline.h");
_Static_assert(offsetof(struct lfi_thread, unwind) == LFI_T_UNWIND, "entry.S");
_Static_assert(offsetof(struct lfi_thread, cb_frame) == LFI_T_CB_FRAME, "entry.S");
_Static_assert(offsetof(struct lfi_thread, cb_cookie) == LFI_T_CB_COOKIE, "entry.S");
_Static_assert(offsetof(struct lfi_thread, closed) == LFI_T_CLOSED, "trampoline.h");
_Static_assert(offsetof(struct lfi_thread, in_callback) == LFI_T_IN_CALLBACK, "entry.S");

void lfi_rtcall_syscall(void), lfi_rtcall_get_tp(void), lfi_rtcall_set_tp(void),
	lfi_rtcall_return(void), lfi_rtcall_fp_changed(void),
	lfi_rtcall_callback(void);
#define BAD(n) void lfi_rtcall_bad##n(void);
BAD(48) BAD(56) BAD(64) BAD(72) BAD(80) BAD(88) BAD(96) BAD(104)
BAD(112) BAD(120) BAD(128) BAD(136) BAD(144) BAD(152) BAD(160) BAD(168)
BAD(176) BAD(184) BAD(192) BAD(200) BAD(208) BAD(216) BAD(224) BAD(232)
BAD(240) BAD(248)
#undef BAD

void lfi_runtime_table(uint64_t table[LFI_RUNTIME_CALLS])
{
	static void (*const entry[LFI_RUNTIME_CALLS])(void) = {
		lfi_rtcall_syscall, lfi_rtcall_get_tp, lfi_rtcall_set_tp,
		lfi_rtcall_return, lfi_rtcall_fp_changed, lfi_rtcall_callback,
		lfi_rtcall_bad48, lfi_rtcall_bad56, lfi_rtcall_bad64,
		lfi_rtcall_bad72, lfi_rtcall_bad80, lfi_rtcall_bad88,
		lfi_rtcall_bad96, lfi_rtcall_bad104, lfi_rtcall_bad112,
		lfi_rtcall_bad120, lfi_rtcall_bad128, lfi_rtcall_bad136,
		lfi_rtcall_bad144, lfi_rtcall_bad152, lfi_rtcall_bad160,
		lfi_rtcall_bad168, lfi_rtcall_bad176, lfi_rtcall_bad184,
		lfi_rtcall_bad192, lfi_rtcall_bad200, lfi_rtcall_bad208,
		lfi_rtcall_bad216, lfi_rtcall_bad224, lfi_rtcall_bad232,
		lfi_rtcall_bad240, lfi_rtcall_bad248,
	};
	for (int i = 0; i < LFI_RUNTIME_CALLS; i++)
		table[i] = (uint64_t)(uintptr_t)entry[i];
}

/* XSAVEOPT (CPUID.(0DH,1):EAX bit 0) in entry.S's system-call path: it
   skips the state the previous XRSTOR of the same area left unchanged,
   which is most of it (measured: 300 -> 170 ns for getppid). Set by every
   lfi_thread_new; a CPU feature, the same for every thread. */
__attribute__((visibility("hidden"))) int lfi_have_xsaveopt;

/* AVX (CPUID.1:ECX bit 28, and the OS saves the ymm state: XCR0 bits
   1-2 through OSXSAVE, bit 27): lfi_enter clears the vector registers
   with vzeroall, else with pxor. */
__attribute__((visibility("hidden"))) int lfi_have_avx;

static void detect_cpu(void)
{
	unsigned a, b, c, d;

	if (__get_cpuid_count(0xd, 1, &a, &b, &c, &d))
		lfi_have_xsaveopt = a & 1;
	if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 28)) && (c & (1u << 27))) {
		uint32_t lo, hi;
		__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
		lfi_have_avx = (lo & 6) == 6;
	}
}

/* Size of the XSAVE area for the features the OS enabled (XCR0). */
static size_t xsave_size(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid_count(0xd, 0, &a, &b, &c, &d) || b < 576)
		return 4096;
	return b;
}

/* Host signal handlers need room for themselves and for handlers they
   chain to; one guard page below catches an overflow. */
#define ALTSTACK_SIZE (64ULL << 10)

/* The callback marker's secret: a stale word on the host stack must not
   pass for it by chance. */
static uint64_t cookie(void)
{
	uint64_t c;

	if (getrandom(&c, sizeof c, 0) != sizeof c) {
		unsigned lo, hi;
		__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
		c = ((uint64_t)hi << 32 | lo) * 0x9e3779b97f4a7c15ULL;
	}
	return c | 1;	/* never 0 */
}

static int fsgsbase_usable(void);

/*
 * The alternate signal stack the runtime gave a thread is the thread's,
 * not a context's: another box's context on the same thread (which found
 * it usable) runs on it too, so it must outlive every context the thread
 * frees (a destroyed box's, say). It is unmapped when the thread ends,
 * by a key destructor that puts itself back twice (its rounds in the low
 * bits of the page-aligned address) so as to run after the other keys'
 * destructors, which may still run box code (sobox's detach).
 */
static pthread_key_t altstack_key;
static int altstack_key_ok;

static void altstack_gone(void *value)
{
	uintptr_t v = (uintptr_t)value, rounds = v & (LFI_PAGE_SIZE - 1);
	char *mem = (char *)(v - rounds);
	stack_t cur, off = { .ss_flags = SS_DISABLE };

	if (rounds < 2 && pthread_setspecific(altstack_key, (void *)(v + 1)) == 0)
		return;
	if (sigaltstack(NULL, &cur) == 0 && cur.ss_sp == mem + LFI_PAGE_SIZE) {
		if (cur.ss_flags & SS_ONSTACK)
			return;	/* a handler ending the thread runs on it: kept */
		sigaltstack(&off, NULL);
	}
	munmap(mem, ALTSTACK_SIZE + LFI_PAGE_SIZE);
}

static void make_altstack_key(void)
{
	altstack_key_ok = pthread_key_create(&altstack_key, altstack_gone) == 0;
}

/* Gives the calling thread an alternate signal stack outside the box
   unless it has a usable one (without the key, the stack stays mapped
   when the thread ends). */
static int attach_altstack(struct lfi_thread *t)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	stack_t cur, ss = { .ss_size = ALTSTACK_SIZE };
	char *mem;

	if (sigaltstack(NULL, &cur) < 0)
		return -errno;
	if (!(cur.ss_flags & SS_DISABLE) &&
	    !lfi_box_contains(t->box, (uint64_t)(uintptr_t)cur.ss_sp, cur.ss_size))
		return 0;
	pthread_once(&once, make_altstack_key);
	/* mmap(NULL) never lands in a box: the reservation holds it. */
	mem = mmap(NULL, ALTSTACK_SIZE + LFI_PAGE_SIZE, PROT_NONE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		return -ENOMEM;
	if (mprotect(mem + LFI_PAGE_SIZE, ALTSTACK_SIZE, PROT_READ | PROT_WRITE) < 0 ||
	    (ss.ss_sp = mem + LFI_PAGE_SIZE, sigaltstack(&ss, NULL) < 0)) {
		munmap(mem, ALTSTACK_SIZE + LFI_PAGE_SIZE);
		return -ENOMEM;
	}
	/* an earlier one of ours (the box it was in is gone) goes now */
	if (altstack_key_ok) {
		void *old = pthread_getspecific(altstack_key);

		if (old)
			munmap((char *)((uintptr_t)old & ~(uintptr_t)(LFI_PAGE_SIZE - 1)),
			       ALTSTACK_SIZE + LFI_PAGE_SIZE);
		pthread_setspecific(altstack_key, mem);
	}
	return 0;
}

/* The signals the runtime needs on a thread that runs box code: a fault
   in the box must reach its handler (a blocked synchronous fault kills
   the process) and a stop (lfi_thread_stop) must arrive, whatever mask
   the host gave the thread. */
static void runtime_signals(sigset_t *set)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };

	sigemptyset(set);
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaddset(set, sigs[i]);
	sigaddset(set, LFI_STOP_SIGNAL);
}

static void unblock_runtime_signals(void)
{
	sigset_t set;

	runtime_signals(&set);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

void lfi_thread_block_host_signals(void)
{
	sigset_t set, keep;

	runtime_signals(&keep);
	sigfillset(&set);
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&keep, sig) == 1)
			sigdelset(&set, sig);
	pthread_sigmask(SIG_SETMASK, &set, NULL);
}

struct lfi_thread *lfi_thread_new(struct lfi_box *box, lfi_syscall_fn *syscall,
				  void *user)
{
	struct lfi_thread *t = calloc(1, sizeof *t);
	size_t size = xsave_size();

	if (!t)
		return NULL;
	detect_cpu();
	fsgsbase_usable();	/* lfi_have_fsgsbase, for entry.S */
	t->box = box;
	/* XSAVE needs 64-byte alignment and a zero header (XCOMP_BV). */
	t->xsave_mem = aligned_alloc(64, (size + 63) & ~(size_t)63);
	if (!t->xsave_mem || attach_altstack(t) < 0) {
		free(t->xsave_mem);
		free(t);
		return NULL;
	}
	lfi_signals_protect();
	if (lfi_signals_stop_handler()) {
		lfi_thread_free(t);
		return NULL;
	}
	unblock_runtime_signals();
	memset(t->xsave_mem, 0, size);
	t->xsave_fresh = 1;
	t->cb_cookie = cookie();
	t->host_thread = pthread_self();
	t->xsave = t->xsave_mem;
	t->base = lfi_box_base(box);
	t->syscall = syscall;
	t->user = user;
	t->bad_call = -1;
	__asm__ volatile("stmxcsr %0" : "=m"(t->host_mxcsr));
	__asm__ volatile("fnstcw %0" : "=m"(t->host_fcw));
	return t;
}

void lfi_thread_free(struct lfi_thread *t)
{
	if (!t)
		return;
	free(t->xsave_mem);
	free(t);
}

static int have_fsgsbase(void)
{
	return (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
}

/* Read by entry.S too (runtime call 40 puts a run's %gs back only with
   FSGSBASE: lfi-run has one box per process, and sobox refuses to run
   without it). */
__attribute__((visibility("hidden"))) int lfi_have_fsgsbase = -1;

static int fsgsbase_usable(void)
{
	if (lfi_have_fsgsbase < 0)
		lfi_have_fsgsbase = have_fsgsbase();
	return lfi_have_fsgsbase;
}

static uint64_t get_gs_base(void)
{
	uint64_t cur = 0;

	if (fsgsbase_usable())
		__asm__ volatile("rdgsbase %0" : "=r"(cur));
	else
		syscall(SYS_arch_prctl, ARCH_GET_GS, &cur);
	return cur;
}

/* %gs base = the box's base, written only when it differs (a cached
   value would go stale when two runtimes share a thread); without
   FSGSBASE, arch_prctl every time. */
static void set_gs_base(uint64_t base)
{
	if (!fsgsbase_usable()) {
		syscall(SYS_arch_prctl, ARCH_SET_GS, base);
		return;
	}
	if (get_gs_base() != base)
		__asm__ volatile("wrgsbase %0" : : "r"(base) : "memory");
}

int lfi_thread_callback_alive(const struct lfi_thread *t)
{
	const uint64_t *marker = (const uint64_t *)(uintptr_t)t->cb_frame;

	return !t->in_callback || !marker ||
	       *marker == (t->cb_cookie ^ (uint64_t)(uintptr_t)marker);
}

/* Is a run of some box already on this host thread (a callback or a
   signal handler calling in)? The TCB word lfi_enter sets. */
static int nested_run(void)
{
	uint64_t ctx;

	__asm__ volatile("movq %%fs:%c1, %0" : "=r"(ctx) : "i"(LFI_SLOT_CTX));
	return ctx != 0;
}

/* Enters the box at pc (already checked) with stack sp. */
static long enter(struct lfi_thread *t, uint64_t pc, uint64_t sp,
		  const uint64_t args[6], uint64_t ret_sp)
{
	static const uint64_t zero[6];
	uint64_t outer_gs = 0;
	uint32_t outer_mxcsr = t->host_mxcsr;
	uint16_t outer_fcw = t->host_fcw;
	int nested = nested_run();
	long ret;

	if (!lfi_box_contains(t->box, sp - 8, 8))
		return -1;
	if (nested)	/* the interrupted run's box must get its %gs back */
		outer_gs = get_gs_base();
	set_gs_base(t->base);
	t->fault_sig = 0;
	t->ret_sp = ret_sp;
	ret = lfi_enter(t, pc, sp, args ? args : zero);
	if (nested)
		set_gs_base(outer_gs);
	/* an outer run of t (a trampoline's) restores these if its box
	   changed them: its own, not this run's */
	t->host_mxcsr = outer_mxcsr;
	t->host_fcw = outer_fcw;
	return ret;
}

long lfi_thread_run(struct lfi_thread *t, uint64_t pc, uint64_t sp,
		    const uint64_t args[6])
{
	if (!lfi_box_contains(t->box, pc, 1) || pc % 32)
		return -1;
	return enter(t, pc, sp, args, sp);
}

long lfi_thread_enter_call(struct lfi_thread *t, uint64_t pc, uint64_t sp,
			   const uint64_t args[6], uint64_t ret_sp)
{
	if (!lfi_box_contains(t->box, pc, 1) || pc % 32)
		return -1;
	return enter(t, pc, sp, args, ret_sp);
}

struct lfi_return_point lfi_thread_return_point(const struct lfi_thread *t)
{
	/* As lfi_rtcall_syscall's own return: base + low 32 bits. */
	return (struct lfi_return_point){ t->base + (uint32_t)t->sbx_ret };
}

long lfi_thread_resume(struct lfi_thread *t, struct lfi_return_point at,
		       uint64_t sp, const uint64_t args[6])
{
	if (!lfi_box_contains(t->box, at.pc, 1))
		return -1;
	return enter(t, at.pc, sp, args, sp);
}

/* Called by entry.S for runtime calls nobody serves. */
__attribute__((visibility("hidden"), noreturn))
void lfi_bad_runtime_call(struct lfi_thread *t, int n)
{
	t->bad_call = n;
	if (n == 24 && t->in_callback)	/* entry.S: callback_abandoned */
		t->unwind = 1;
	lfi_leave(t, -1);
}

/* Called by entry.S for runtime call 0. */
__attribute__((visibility("hidden")))
long lfi_syscall_dispatch(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	long ret;

	if (__atomic_load_n(&t->stop, __ATOMIC_ACQUIRE))
		lfi_leave(t, t->stop_value);
	ret = t->syscall ? t->syscall(t, r) : -ENOSYS;
	if (__atomic_load_n(&t->stop, __ATOMIC_ACQUIRE))
		lfi_leave(t, t->stop_value);
	return ret;
}

int lfi_thread_stop(struct lfi_thread *t, long value)
{
	t->stop_value = value;
	__atomic_store_n(&t->stop, 1, __ATOMIC_RELEASE);
	/* A host function of a callback is the host's code: no EINTR for
	   it; the thread stops when it is back (its next system call). */
	if (__atomic_load_n(&t->in_callback, __ATOMIC_ACQUIRE))
		return 0;
	return -pthread_kill(t->host_thread, LFI_STOP_SIGNAL);
}
