#include "builtins.h"

/* -ftrapv: absolute value, trapping on the minimum value. */
int64_t __absvdi2(int64_t a)
{
	int64_t r;
	if (a >= 0)
		return a;
	if (__builtin_sub_overflow((int64_t)0, a, &r))
		overflow_trap();
	return r;
}
