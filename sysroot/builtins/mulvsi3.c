#include "builtins.h"

/* -ftrapv: a * b, trapping on signed overflow. */
int32_t __mulvsi3(int32_t a, int32_t b)
{
	int32_t r;
	if (__builtin_mul_overflow(a, b, &r))
		overflow_trap();
	return r;
}
