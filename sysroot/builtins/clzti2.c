#include "builtins.h"

/* Undefined for 0, like the builtin. */
int __clzti2(ti_int a)
{
	return clz128(a);
}
