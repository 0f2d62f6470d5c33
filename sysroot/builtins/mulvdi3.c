#include "builtins.h"

/* -ftrapv: a * b, trapping on signed overflow. */
di_int __mulvdi3(di_int a, di_int b)
{
	di_int r;
	if (__builtin_mul_overflow(a, b, &r))
		overflow_trap();
	return r;
}
