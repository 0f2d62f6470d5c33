#include "builtins.h"

/* -ftrapv: negation, trapping on the minimum value. */
int64_t __negvdi2(int64_t a)
{
	int64_t r;
	if (__builtin_sub_overflow((int64_t)0, a, &r))
		overflow_trap();
	return r;
}
