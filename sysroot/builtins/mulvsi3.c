#include "builtins.h"

/* -ftrapv: a * b, trapping on signed overflow. */
si_int __mulvsi3(si_int a, si_int b)
{
	si_int r;
	if (__builtin_mul_overflow(a, b, &r))
		overflow_trap();
	return r;
}
