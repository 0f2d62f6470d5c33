#include "builtins.h"

/* -ftrapv: a + b, trapping on signed overflow. */
ti_int __addvti3(ti_int a, ti_int b)
{
	ti_int r;
	if (__builtin_add_overflow(a, b, &r))
		overflow_trap();
	return r;
}
