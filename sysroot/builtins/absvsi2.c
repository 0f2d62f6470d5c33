#include "builtins.h"

/* -ftrapv: absolute value, trapping on the minimum value. */
int32_t __absvsi2(int32_t a)
{
	int32_t r;
	if (a >= 0)
		return a;
	if (__builtin_sub_overflow((int32_t)0, a, &r))
		overflow_trap();
	return r;
}
