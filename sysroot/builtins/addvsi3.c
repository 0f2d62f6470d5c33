#include "builtins.h"

/* -ftrapv: a + b, trapping on signed overflow. */
int32_t __addvsi3(int32_t a, int32_t b)
{
	int32_t r;
	if (__builtin_add_overflow(a, b, &r))
		overflow_trap();
	return r;
}
