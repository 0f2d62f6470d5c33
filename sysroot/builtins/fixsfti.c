#include "builtins.h"

tu_int __fixunsdfti(double);

/* float -> __int128: every float is exactly a double. */
ti_int __fixsfti(float a)
{
	if (a < 0)
		return -__fixunsdfti(-a);
	return __fixunsdfti(a);
}
