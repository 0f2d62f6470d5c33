#include "builtins.h"

/* __builtin_ctzll is the bsf instruction here. Undefined for 0. */
int __ctzdi2(di_int a)
{
	return __builtin_ctzll(a);
}
