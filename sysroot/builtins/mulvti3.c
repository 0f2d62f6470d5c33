#include "builtins.h"

/* -ftrapv: a * b, trapping on signed overflow. */
ti_int __mulvti3(ti_int a, ti_int b)
{
	ti_int r;
	if (__builtin_mul_overflow(a, b, &r))
		overflow_trap();
	return r;
}
