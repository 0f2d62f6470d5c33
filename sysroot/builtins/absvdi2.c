#include "builtins.h"

/* -ftrapv: absolute value, trapping on the minimum value. */
di_int __absvdi2(di_int a)
{
	di_int r;
	if (a >= 0)
		return a;
	if (__builtin_sub_overflow((di_int)0, a, &r))
		overflow_trap();
	return r;
}
