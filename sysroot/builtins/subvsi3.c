#include "builtins.h"

/* -ftrapv: a - b, trapping on signed overflow. */
int32_t __subvsi3(int32_t a, int32_t b)
{
	int32_t r;
	if (__builtin_sub_overflow(a, b, &r))
		overflow_trap();
	return r;
}
