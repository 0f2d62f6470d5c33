#include "builtins.h"

int __ffsti2(ti_int a)
{
	du_int lo = lo64(a), hi = hi64(a);
	if (lo)
		return __builtin_ctzll(lo) + 1;
	if (hi)
		return __builtin_ctzll(hi) + 65;
	return 0;
}
