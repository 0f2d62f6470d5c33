#include "builtins.h"

/* -ftrapv: a - b, trapping on signed overflow. */
di_int __subvdi3(di_int a, di_int b)
{
	di_int r;
	if (__builtin_sub_overflow(a, b, &r))
		overflow_trap();
	return r;
}
