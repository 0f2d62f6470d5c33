#include "builtins.h"

/* -ftrapv: a - b, trapping on signed overflow. */
ti_int __subvti3(ti_int a, ti_int b)
{
	ti_int r;
	if (__builtin_sub_overflow(a, b, &r))
		overflow_trap();
	return r;
}
