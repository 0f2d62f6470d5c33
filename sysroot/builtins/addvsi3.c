#include "builtins.h"

/* -ftrapv: a + b, trapping on signed overflow. */
si_int __addvsi3(si_int a, si_int b)
{
	si_int r;
	if (__builtin_add_overflow(a, b, &r))
		overflow_trap();
	return r;
}
