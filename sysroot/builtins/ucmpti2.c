#include "builtins.h"

/* 0 if a < b, 1 if equal, 2 if a > b. */
int __ucmpti2(tu_int a, tu_int b)
{
	return a < b ? 0 : a == b ? 1 : 2;
}
