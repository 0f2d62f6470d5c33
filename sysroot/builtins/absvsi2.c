#include "builtins.h"

/* -ftrapv: absolute value, trapping on the minimum value. */
si_int __absvsi2(si_int a)
{
	si_int r;
	if (a >= 0)
		return a;
	if (__builtin_sub_overflow((si_int)0, a, &r))
		overflow_trap();
	return r;
}
