#include "builtins.h"

/* -ftrapv: negation, trapping on the minimum value. */
di_int __negvdi2(di_int a)
{
	di_int r;
	if (__builtin_sub_overflow((di_int)0, a, &r))
		overflow_trap();
	return r;
}
