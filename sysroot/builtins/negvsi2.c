#include "builtins.h"

/* -ftrapv: negation, trapping on the minimum value. */
si_int __negvsi2(si_int a)
{
	si_int r;
	if (__builtin_sub_overflow((si_int)0, a, &r))
		overflow_trap();
	return r;
}
