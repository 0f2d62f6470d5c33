/*
 * signals.c - tests of the runtime core's signal rules and FP environment
 * (runtime/core/signals.h, entry.S; lfi-x64.md "Runtime rules"). One line
 * per test: PASS: runtime/signals/NAME or FAIL: runtime/signals/NAME:
 * reason. Exits 0; the caller counts the lines.
 *
 *   runtime-signals          the tests
 *   runtime-signals --bench  the cost of transitions, of blocking signals
 *                            around them, and of lfi_signals_protect()
 *
 * The sandbox code is assembled here (section .text.sbx, LFI-x64 by
 * hand) and copied into a box with lfi_box_map_code, so the verifier
 * checks it like any other.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "box.h"
#include "signals.h"
#include "thread.h"

#define PG 4096ULL
#define GIB (1ULL << 30)
#define SYS_RECORD 1000		/* the test's own "system call" */

/* M3 with N: leaq to the next instruction's end, jmpq *N(%r14). */
#define M3(n) ".bundle_lock\n leaq 1f(%rip), %r11\n jmpq *" #n "(%r14)\n1:\n" \
	      ".bundle_unlock\n"

__asm__(
	"	.pushsection .text.sbx, \"ax\"\n"
	"	.bundle_align_mode 5\n"
	/* spin(count in %edi): loops in the box, then returns 0 */
	"	.p2align 5\n"
	"sbx_spin:\n"
	"	movl %edi, %eax\n"
	"2:	subl $1, %eax\n"
	"	jnz 2b\n"
	M3(24)
	/* fp(): sets MXCSR 0x7f80 (round to zero) and the x87 control
	   word 0x0c7f (single precision, truncate), makes SYS_RECORD, then
	   returns (MXCSR << 16) | x87 control word as seen after it */
	"	.p2align 5\n"
	"sbx_fp:\n"
	"	movl $0x7f80, -8(%rsp)\n"
	"	.bundle_lock\n ldmxcsr -8(%rsp)\n leaq 1f(%rip), %r11\n"
	"	jmpq *32(%r14)\n1:\n .bundle_unlock\n"
	"	movw $0x0c7f, -16(%rsp)\n"
	"	.bundle_lock\n fldcw -16(%rsp)\n leaq 1f(%rip), %r11\n"
	"	jmpq *32(%r14)\n1:\n .bundle_unlock\n"
	"	movl $1000, %eax\n"
	M3(0)
	"	stmxcsr -8(%rsp)\n"
	"	movl -8(%rsp), %eax\n"
	"	shll $16, %eax\n"
	"	fnstcw -16(%rsp)\n"
	"	movzwl -16(%rsp), %edx\n"
	"	orl %edx, %eax\n"
	M3(24)
	/* pending(): unmasks x87 invalid-operation, leaves 0/0 pending,
	   makes SYS_RECORD, returns the x87 status word seen after it */
	"	.p2align 5\n"
	"sbx_pending:\n"
	"	movw $0x037e, -16(%rsp)\n"
	"	.bundle_lock\n fldcw -16(%rsp)\n leaq 1f(%rip), %r11\n"
	"	jmpq *32(%r14)\n1:\n .bundle_unlock\n"
	"	fldz\n"
	"	fldz\n"
	"	fdivp %st, %st(1)\n"
	"	movl $1000, %eax\n"
	M3(0)
	"	fnstsw %ax\n"
	"	movzwl %ax, %eax\n"
	"	fnclex\n"
	M3(24)
	/* fault(): changes MXCSR, then writes the read-only table page */
	"	.p2align 5\n"
	"sbx_fault:\n"
	"	movl $0x7f80, -8(%rsp)\n"
	"	.bundle_lock\n ldmxcsr -8(%rsp)\n leaq 1f(%rip), %r11\n"
	"	jmpq *32(%r14)\n1:\n .bundle_unlock\n"
	"	xorl %eax, %eax\n"
	"	movl $1, %gs:(%eax)\n"
	M3(24)
	/* ret(): returns at once */
	"	.p2align 5\n"
	"sbx_ret:\n"
	M3(24)
	"	.p2align 5\n"
	"sbx_end:\n"
	"	.bundle_align_mode 0\n"
	"	.popsection\n");
extern const char sbx_spin[], sbx_fp[], sbx_pending[], sbx_fault[], sbx_ret[],
	sbx_end[];

static char reason[512];

static const char *fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return reason;
}

#define CHECK(cond, ...) do { if (!(cond)) return fail(__VA_ARGS__); } while (0)

/* ---- a box with the code above, a stack, and a context --------------- */

#define CODE_AT GIB
#define STACK_AT (2 * GIB)
#define STACK_LEN (16 * PG)

struct env {
	struct lfi_box *box;
	struct lfi_thread *t;
	uint64_t base, sp;
	/* what SYS_RECORD saw on the host side */
	uint32_t host_mxcsr;
	uint16_t host_fcw;
	int calls;
	int fwait;		/* SYS_RECORD runs an x87 waiting instruction */
};

static long record(struct lfi_thread *t, struct lfi_syscall_regs *r)
{
	struct env *e = t->user;

	if (r->rax != SYS_RECORD)
		return -ENOSYS;
	__asm__ volatile("stmxcsr %0" : "=m"(e->host_mxcsr));
	__asm__ volatile("fnstcw %0" : "=m"(e->host_fcw));
	if (e->fwait)
		__asm__ volatile("fwait");
	e->calls++;
	return 0;
}

static const char *env_new(struct env *e)
{
	uint64_t table[LFI_RUNTIME_CALLS], a;
	char why[256];
	int err;

	memset(e, 0, sizeof *e);
	lfi_runtime_table(table);
	e->box = lfi_box_new(table, &err);
	CHECK(e->box, "lfi_box_new: %s", strerror(-err));
	e->base = lfi_box_base(e->box);
	err = lfi_box_map_code(e->box, e->base + CODE_AT, sbx_spin,
			       sbx_end - sbx_spin, why, sizeof why);
	CHECK(!err, "the test's sandbox code: %s", why);
	a = e->base + STACK_AT;
	CHECK(!lfi_box_map(e->box, &a, STACK_LEN, PROT_READ | PROT_WRITE,
			   LFI_MAP_FIXED), "stack");
	memset((void *)a, 0xa5, STACK_LEN);
	e->sp = a + STACK_LEN - 4 * PG;	/* pattern above and below */
	e->t = lfi_thread_new(e->box, record, e);
	CHECK(e->t, "lfi_thread_new");
	return NULL;
}

static void env_free(struct env *e)
{
	lfi_thread_free(e->t);
	lfi_box_free(e->box);
}

static uint64_t at(struct env *e, const char *fn)
{
	return e->base + CODE_AT + (fn - sbx_spin);
}

static long run(struct env *e, const char *fn, uint64_t arg)
{
	uint64_t args[6] = { arg };

	return lfi_thread_run(e->t, at(e, fn), e->sp, args);
}

static int stack_untouched(struct env *e)
{
	const unsigned char *p = (const void *)(uintptr_t)(e->base + STACK_AT);

	for (uint64_t i = 0; i < STACK_LEN; i++)
		if (p[i] != 0xa5)
			return 0;
	return 1;
}

static void restore_stack(struct env *e)
{
	memset((void *)(uintptr_t)(e->base + STACK_AT), 0xa5, STACK_LEN);
}

/* ---- SIGALRM while the sandbox spins ---------------------------------- */

static volatile sig_atomic_t alarms, alarms_in_box;
static uint64_t alarm_lo, alarm_hi;

static void on_alarm(int sig)
{
	uint64_t here = (uint64_t)(uintptr_t)&sig;

	alarms++;
	if (here >= alarm_lo && here < alarm_hi)
		alarms_in_box++;
}

static void timer(long usec)
{
	struct itimerval it = { { 0, usec }, { 0, usec } };

	setitimer(ITIMER_REAL, &it, NULL);
}

/* Runs the spin under a 200 us interval timer; the number of alarms. */
static int spin_with_alarms(struct env *e)
{
	alarms = alarms_in_box = 0;
	alarm_lo = e->base;
	alarm_hi = e->base + (4 * GIB);
	timer(200);
	for (int i = 0; i < 50 && alarms < 20; i++)
		run(e, sbx_spin, 100000000);
	timer(0);
	return alarms;
}

/* libc's sigaction, not the runtime's wrapper the program's calls reach */
static int libc_sigaction(int sig, const struct sigaction *sa, struct sigaction *old)
{
	int (*fn)(int, const struct sigaction *, struct sigaction *) =
		(int (*)(int, const struct sigaction *, struct sigaction *))
			dlsym(RTLD_NEXT, "sigaction");

	return fn(sig, sa, old);
}

static const char *t_alarm_off_box_stack(void)
{
	struct sigaction sa = { .sa_handler = on_alarm }, got;
	struct env e;
	const char *r;

	/* Installed without SA_ONSTACK after the box exists: the thread's
	   attach (lfi_thread_new) must fix it. */
	sigaction(SIGALRM, &sa, NULL);
	if ((r = env_new(&e)))
		return r;
	sigaction(SIGALRM, NULL, &got);
	CHECK(got.sa_flags & SA_ONSTACK, "SA_ONSTACK not added");
	CHECK(got.sa_handler == on_alarm, "handler changed");
	CHECK(spin_with_alarms(&e) > 0, "no SIGALRM while the sandbox spun");
	CHECK(alarms_in_box == 0, "%d handlers ran on the sandbox stack",
	      (int)alarms_in_box);
	CHECK(stack_untouched(&e), "sandbox stack written (%d alarms)",
	      (int)alarms);
	/* The control: without SA_ONSTACK the kernel does write there, so
	   the check above can see it (installed with libc's own sigaction:
	   the runtime's, which the program's calls reach, adds the flag). */
	libc_sigaction(SIGALRM, &sa, NULL);
	spin_with_alarms(&e);
	CHECK(!stack_untouched(&e) && alarms_in_box > 0,
	      "control: a handler without SA_ONSTACK left no trace");
	restore_stack(&e);
	/* And lfi_signals_protect() fixes it again. */
	lfi_signals_protect();
	CHECK(spin_with_alarms(&e) > 0 && alarms_in_box == 0 && stack_untouched(&e),
	      "after lfi_signals_protect");
	/* Installed later through the program's sigaction and signal (the
	   runtime's, interposed): SA_ONSTACK at once. */
	sigaction(SIGALRM, &sa, NULL);
	libc_sigaction(SIGALRM, NULL, &got);
	CHECK(got.sa_flags & SA_ONSTACK, "sigaction after the box: no SA_ONSTACK");
	signal(SIGALRM, on_alarm);
	libc_sigaction(SIGALRM, NULL, &got);
	CHECK(got.sa_flags & SA_ONSTACK, "signal after the box: no SA_ONSTACK");
	CHECK(spin_with_alarms(&e) > 0 && alarms_in_box == 0 && stack_untouched(&e),
	      "handlers installed after the box");
	signal(SIGALRM, SIG_IGN);
	env_free(&e);
	return NULL;
}

static const char *t_altstack_per_thread(void)
{
	struct env e;
	stack_t ss;
	const char *r;

	if ((r = env_new(&e)))
		return r;
	CHECK(sigaltstack(NULL, &ss) == 0 && !(ss.ss_flags & SS_DISABLE),
	      "no alternate stack after lfi_thread_new");
	CHECK(!lfi_box_contains(e.box, (uint64_t)(uintptr_t)ss.ss_sp, 1),
	      "alternate stack in the box");
	env_free(&e);
	return NULL;
}

/* ---- FP environment -------------------------------------------------- */

static uint32_t get_mxcsr(void)
{
	uint32_t v;

	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static uint16_t get_fcw(void)
{
	uint16_t v;

	__asm__ volatile("fnstcw %0" : "=m"(v));
	return v;
}

static void set_fp(uint32_t mxcsr, uint16_t fcw)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
	__asm__ volatile("fldcw %0" : : "m"(fcw));
}

/* The host's own, not the defaults: flush-to-zero, and the x87 at
   double precision. */
#define HOST_MXCSR 0x9f80
#define HOST_FCW 0x027f

static const char *t_fp_environment(void)
{
	uint32_t mxcsr0 = get_mxcsr();
	uint16_t fcw0 = get_fcw();
	struct env e;
	const char *r;
	long got;

	if ((r = env_new(&e)))
		return r;
	set_fp(HOST_MXCSR, HOST_FCW);
	got = run(&e, sbx_fp, 0);
	r = fail("");
	if (e.calls != 1)
		r = fail("SYS_RECORD made %d times", e.calls);
	else if (e.host_mxcsr != HOST_MXCSR || e.host_fcw != HOST_FCW)
		r = fail("in the runtime call the host had MXCSR %#x FCW %#x",
			 e.host_mxcsr, e.host_fcw);
	else if (got != (0x7f80L << 16 | 0x0c7f))
		r = fail("back in the box: %#lx, not the sandbox's 0x7f800c7f", got);
	else if (get_mxcsr() != HOST_MXCSR || get_fcw() != HOST_FCW)
		r = fail("after the return the host has MXCSR %#x FCW %#x",
			 get_mxcsr(), get_fcw());
	else
		r = NULL;
	set_fp(mxcsr0, fcw0);
	env_free(&e);
	return r;
}

/* An unmasked x87 exception the sandbox leaves pending must not fire in
   the host, whose own control word unmasks it too (the runtime call's
   handler runs `fwait`), and the sandbox gets it back after the call. In
   a child: without the rule the host dies of SIGFPE. */
static const char *t_fp_pending_exception(void)
{
	struct env e;
	const char *r;
	pid_t pid;
	int st;

	if ((r = env_new(&e)))
		return r;
	pid = fork();
	if (pid == 0) {
		long sw;

		set_fp(0x1f80, 0x037e);
		e.fwait = 1;
		sw = run(&e, sbx_pending, 0);
		_exit(e.calls != 1 ? 2 : (sw & 0x81) != 0x81 ? 3 :
		      get_fcw() != 0x037e ? 4 : 0);
	}
	CHECK(pid > 0 && waitpid(pid, &st, 0) == pid, "fork");
	CHECK(!WIFSIGNALED(st), "the host died of signal %d", WTERMSIG(st));
	CHECK(WEXITSTATUS(st) != 2, "SYS_RECORD not made once");
	CHECK(WEXITSTATUS(st) != 3, "the sandbox lost its pending exception");
	CHECK(WEXITSTATUS(st) != 4, "the host's x87 control word not restored");
	CHECK(WEXITSTATUS(st) == 0, "child status %#x", st);
	env_free(&e);
	return NULL;
}

/* ---- faults: in a box, and chained ------------------------------------ */

static sigjmp_buf jump;
static volatile uint64_t bad_address = 16;	/* unmapped in the host */
static volatile sig_atomic_t prev_segv, prev_ill, box_faults;
static int box_fault_sig;

static void prev_segv_handler(int sig, siginfo_t *si, void *uc)
{
	prev_segv++;
	siglongjmp(jump, 1);
}

static void prev_ill_handler(int sig)
{
	prev_ill++;
	siglongjmp(jump, 1);
}

static void on_box_fault(struct lfi_thread *t, int sig, siginfo_t *si, void *uc)
{
	box_faults++;
	box_fault_sig = sig;
}

static const char *t_fault_in_box(void)
{
	struct env e;
	const char *r;
	long got;

	if ((r = env_new(&e)))
		return r;
	set_fp(HOST_MXCSR, HOST_FCW);
	box_faults = prev_segv = 0;
	got = run(&e, sbx_fault, 0);
	CHECK(got == -1, "run returned %ld, not -1", got);
	CHECK(box_faults == 1 && box_fault_sig == SIGSEGV && prev_segv == 0,
	      "box fault seen %d times (signal %d), chained %d times",
	      (int)box_faults, box_fault_sig, (int)prev_segv);
	CHECK(e.t->fault_sig == SIGSEGV && e.t->fault_addr == e.base,
	      "fault_sig %d fault_addr %#llx", e.t->fault_sig,
	      (unsigned long long)(e.t->fault_addr - e.base));
	CHECK(get_mxcsr() == HOST_MXCSR, "host MXCSR %#x after the fault",
	      get_mxcsr());
	CHECK(run(&e, sbx_ret, 0) == 0, "the context is not usable again");
	set_fp(0x1f80, 0x037f);
	env_free(&e);
	return NULL;
}

static const char *t_fault_chained(void)
{
	struct env e;
	const char *r;

	if ((r = env_new(&e)))	/* a context exists, but it is not entered */
		return r;
	box_faults = prev_segv = prev_ill = 0;
	if (!sigsetjmp(jump, 1))
		*(volatile int *)(uintptr_t)bad_address = 1;
	CHECK(prev_segv == 1, "host SIGSEGV went to the previous handler %d times",
	      (int)prev_segv);
	if (!sigsetjmp(jump, 1))
		__asm__ volatile("ud2");
	CHECK(prev_ill == 1, "host SIGILL went to the previous handler %d times",
	      (int)prev_ill);
	CHECK(box_faults == 0, "host faults reported as box faults");
	env_free(&e);
	return NULL;
}

/* Nothing before us: a host fault takes the default action (in a child). */
static const char *t_fault_default(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		signal(SIGSEGV, SIG_DFL);
		lfi_signals_catch_faults(on_box_fault);
		*(volatile int *)(uintptr_t)bad_address = 1;
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &st, 0) == pid, "fork");
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	      "child status %#x, not killed by SIGSEGV", st);
	return NULL;
}

/* ---- the cost of each choice (--bench) -------------------------------- */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int bench(void)
{
	struct env e;
	sigset_t all, old;
	const int n = 1000000;
	double t0, enter, blocked, protect;

	if (env_new(&e)) {
		fprintf(stderr, "%s\n", reason);
		return 1;
	}
	sigfillset(&all);
	for (int round = 0; round < 2; round++) {	/* the first warms up */
		t0 = now();
		for (int i = 0; i < n; i++)
			run(&e, sbx_ret, 0);
		enter = (now() - t0) / n;
		t0 = now();
		for (int i = 0; i < n; i++) {
			pthread_sigmask(SIG_BLOCK, &all, &old);
			run(&e, sbx_ret, 0);
			pthread_sigmask(SIG_SETMASK, &old, NULL);
		}
		blocked = (now() - t0) / n;
		t0 = now();
		for (int i = 0; i < 1000; i++)
			lfi_signals_protect();
		protect = (now() - t0) / 1000;
	}
	printf("enter+return: %.1f ns; with signals blocked around it: %.1f ns; "
	       "lfi_signals_protect: %.1f us\n", enter * 1e9, blocked * 1e9,
	       protect * 1e6);
	env_free(&e);
	return 0;
}

/* ---- main ------------------------------------------------------------ */

static const struct {
	const char *name;
	const char *(*run)(void);
} tests[] = {
	{ "fault-default", t_fault_default },
	{ "altstack-per-thread", t_altstack_per_thread },
	{ "alarm-off-box-stack", t_alarm_off_box_stack },
	{ "fp-environment", t_fp_environment },
	{ "fp-pending-exception", t_fp_pending_exception },
	{ "fault-in-box", t_fault_in_box },
	{ "fault-chained", t_fault_chained },
};

int main(int argc, char **argv)
{
	struct sigaction segv = { .sa_sigaction = prev_segv_handler,
				  .sa_flags = SA_SIGINFO },
			 ill = { .sa_handler = prev_ill_handler };

	if (argc > 1 && !strcmp(argv[1], "--bench"))
		return bench();
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* Handlers of "another runtime", installed before ours. */
	sigaction(SIGSEGV, &segv, NULL);
	sigaction(SIGILL, &ill, NULL);
	if (lfi_signals_catch_faults(on_box_fault) < 0) {
		printf("FAIL: runtime/signals/setup: lfi_signals_catch_faults\n");
		return 0;
	}
	for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
		const char *why = tests[i].run();

		if (why)
			printf("FAIL: runtime/signals/%s: %s\n", tests[i].name, why);
		else
			printf("PASS: runtime/signals/%s\n", tests[i].name);
	}
	return 0;
}
