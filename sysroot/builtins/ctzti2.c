#include "builtins.h"

/* Undefined for 0, like the builtin. */
int __ctzti2(ti_int a)
{
	du_int lo = lo64(a);
	return lo ? __builtin_ctzll(lo) : 64 + __builtin_ctzll(hi64(a));
}
