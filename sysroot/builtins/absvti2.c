#include "builtins.h"

/* -ftrapv: absolute value, trapping on the minimum value. */
ti_int __absvti2(ti_int a)
{
	ti_int r;
	if (a >= 0)
		return a;
	if (__builtin_sub_overflow((ti_int)0, a, &r))
		overflow_trap();
	return r;
}
