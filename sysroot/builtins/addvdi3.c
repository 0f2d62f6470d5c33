#include "builtins.h"

/* -ftrapv: a + b, trapping on signed overflow. */
int64_t __addvdi3(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		overflow_trap();
	return r;
}
