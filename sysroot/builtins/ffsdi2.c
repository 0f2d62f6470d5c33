#include "builtins.h"

/* 1 + index of the lowest set bit, 0 for 0. */
int __ffsdi2(di_int a)
{
	return a ? __builtin_ctzll(a) + 1 : 0;
}
