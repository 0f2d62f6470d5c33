/* Library functions that change the FP environment: the host must get
   its own control words back (runtime/core/trampoline.h). feholdexcept
   is `fnstenv`, which masks every x87 exception as a side effect and is
   no FP-control write for the verifier; fesetround is `fldcw` and
   `ldmxcsr`, which say so with runtime call 32. */
#include <fenv.h>

int hold_exceptions(void)
{
	fenv_t env;

	return feholdexcept(&env);
}

int round_up(void)
{
	return fesetround(FE_UPWARD);
}

/* Returns with an x87 zero divide pending under a control word that
   unmasks it, and the result left on the x87 stack: the host's next x87
   instruction must not trap, nor find its stack full. `unmask` first
   unmasks it (fldcw: runtime call 32); without it the host's own
   control word must be the one that unmasks it. */
int pending_zero_divide(int unmask)
{
	unsigned short cw = 0x037f & ~0x4;

	if (unmask)
		__asm__ volatile("fldcw %0" : : "m"(cw));
	__asm__ volatile("fld1\n\tfldz\n\tfdivrp" : : : "st");
	return 0;
}

/* Calls back into the host with the box's own x87 control word (round
   up): the host function must run with the host's, and the box must
   get its own back. 1 when both held. */
int cw_around_callback(unsigned (*cb)(void))
{
	unsigned short mine = 0x0b7f, after;
	unsigned seen;

	__asm__ volatile("fldcw %0" : : "m"(mine));
	seen = cb();
	__asm__ volatile("fnstcw %0" : "=m"(after));
	return seen != mine && after == mine;
}

/* Calls back with a zero divide pending under the control word it got
   (the host's, which unmasks it): the host function's x87 code must not
   trap. */
int pending_around_callback(unsigned (*cb)(void))
{
	__asm__ volatile("fld1\n\tfldz\n\tfdivrp" : : : "st");
	return (int)cb();
}

/* Returns with all eight x87 registers full (a MMX-style leftover the
   ABI forbids): the host's next fld would overflow into a NaN unless
   the way out empties the stack. */
int fill_x87_stack(void)
{
	__asm__ volatile("fld1\n\tfld1\n\tfld1\n\tfld1\n\t"
			 "fld1\n\tfld1\n\tfld1\n\tfld1" : : : "memory");
	return 0;
}

/* The same before calling back into the host: the host function's
   x87 arithmetic must find an empty stack. */
int full_stack_around_callback(unsigned (*cb)(void))
{
	unsigned r;

	__asm__ volatile("fld1\n\tfld1\n\tfld1\n\tfld1\n\t"
			 "fld1\n\tfld1\n\tfld1\n\tfld1" : : : "memory");
	r = cb();
	__asm__ volatile("fstp %%st(0)\n\tfstp %%st(0)\n\tfstp %%st(0)\n\t"
			 "fstp %%st(0)\n\tfstp %%st(0)\n\tfstp %%st(0)\n\t"
			 "fstp %%st(0)\n\tfstp %%st(0)" : : : "memory");
	return r;
}
