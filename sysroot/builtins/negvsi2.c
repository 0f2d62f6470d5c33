#include "builtins.h"

/* -ftrapv: negation, trapping on the minimum value. */
int32_t __negvsi2(int32_t a)
{
	int32_t r;
	if (__builtin_sub_overflow((int32_t)0, a, &r))
		overflow_trap();
	return r;
}
