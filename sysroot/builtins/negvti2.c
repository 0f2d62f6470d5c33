#include "builtins.h"

/* -ftrapv: negation, trapping on the minimum value. */
ti_int __negvti2(ti_int a)
{
	ti_int r;
	if (__builtin_sub_overflow((ti_int)0, a, &r))
		overflow_trap();
	return r;
}
