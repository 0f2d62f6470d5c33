/* Linked against libfpenv.box.so: after each call the host's x87 control
   word and MXCSR are what they were before it. */
#include <stdio.h>

#include <signal.h>

int hold_exceptions(void);
int round_up(void);
int pending_zero_divide(int unmask);
int cw_around_callback(unsigned (*cb)(void));
int pending_around_callback(unsigned (*cb)(void));
int fill_x87_stack(void);
int full_stack_around_callback(unsigned (*cb)(void));
void *fpenv_box_register_cb(void *fn);

/* a callback: its own x87 control word */
static unsigned host_cw(void)
{
	unsigned short w;

	__asm__ volatile("fnstcw %0" : "=m"(w));
	return w;
}

/* a callback doing x87 arithmetic: 1 when it did not trap */
static unsigned host_x87(void)
{
	volatile long double x = 2.0L;

	x = x * 3;
	return x == 6.0L;
}

static volatile sig_atomic_t fpe;

static void on_fpe(int sig)
{
	fpe = 1;
	signal(SIGFPE, SIG_IGN);
}

/* an x87 multiplication after a call that left a zero divide pending */
static int x87_still_works(void)
{
	volatile long double x = 2.0L;

	x = x * 3;
	return !fpe && x == 6.0L;
}

static unsigned short fcw(void)
{
	unsigned short w;
	__asm__ volatile("fnstcw %0" : "=m"(w));
	return w;
}

static unsigned mxcsr(void)
{
	unsigned m;
	__asm__ volatile("stmxcsr %0" : "=m"(m));
	return m;
}

int main(void)
{
	unsigned short unmasked = 0x037f & ~0x4, w;	/* zero-divide unmasked */
	unsigned m = mxcsr();

	__asm__ volatile("fldcw %0" : : "m"(unmasked));
	w = fcw();
	printf("%s: sobox/fp/fnstenv-in-box-keeps-host-control-word\n",
	       hold_exceptions() == 0 && fcw() == w ? "PASS" : "FAIL");
	printf("%s: sobox/fp/fesetround-in-box-keeps-host-fp-state\n",
	       round_up() == 0 && fcw() == w && mxcsr() == m ? "PASS" : "FAIL");
	signal(SIGFPE, on_fpe);
	printf("%s: sobox/fp/pending-exception-under-host-control-word\n",
	       pending_zero_divide(0) == 0 && x87_still_works() && fcw() == w ?
	       "PASS" : "FAIL");
	w = 0x037f;	/* every exception masked: the usual control word */
	__asm__ volatile("fldcw %0" : : "m"(w));
	printf("%s: sobox/fp/pending-exception-after-box-unmasked\n",
	       pending_zero_divide(1) == 0 && x87_still_works() && fcw() == w ?
	       "PASS" : "FAIL");
	printf("%s: sobox/fp/callback-runs-with-host-control-word\n",
	       cw_around_callback(fpenv_box_register_cb((void *)host_cw)) == 1 &&
	       fcw() == w ? "PASS" : "FAIL");
	w = 0x037f & ~0x4;	/* zero divide unmasked */
	__asm__ volatile("fldcw %0" : : "m"(w));
	fpe = 0;
	signal(SIGFPE, on_fpe);
	printf("%s: sobox/fp/callback-finds-no-pending-exception\n",
	       pending_around_callback(fpenv_box_register_cb((void *)host_x87)) == 1 &&
	       !fpe && fcw() == w ? "PASS" : "FAIL");
	w = 0x037f;
	__asm__ volatile("fldcw %0" : : "m"(w));
	printf("%s: sobox/fp/full-x87-stack-emptied-on-return\n",
	       fill_x87_stack() == 0 && x87_still_works() ? "PASS" : "FAIL");
	printf("%s: sobox/fp/full-x87-stack-emptied-for-callback\n",
	       full_stack_around_callback(fpenv_box_register_cb((void *)host_x87)) == 1 &&
	       x87_still_works() ? "PASS" : "FAIL");
	return 0;
}
