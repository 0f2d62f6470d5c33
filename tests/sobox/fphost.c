/* Linked against libfpenv.box.so: after each call the host's x87 control
   word and MXCSR are what they were before it. */
#include <stdio.h>

int hold_exceptions(void);
int round_up(void);

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
	return 0;
}
