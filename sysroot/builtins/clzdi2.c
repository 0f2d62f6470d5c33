#include "builtins.h"

/* __builtin_clzll is the bsr instruction here, not a call. Undefined
   for 0, like the builtin (the result is whatever bsr leaves). */
int __clzdi2(di_int a)
{
	return __builtin_clzll(a);
}
