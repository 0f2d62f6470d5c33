#include "builtins.h"

/* 0 if a < b, 1 if equal, 2 if a > b. */
int __cmpti2(ti_int a, ti_int b)
{
	return a < b ? 0 : a == b ? 1 : 2;
}
