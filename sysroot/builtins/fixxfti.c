#include "builtins.h"

tu_int __fixunsxfti(long double);

ti_int __fixxfti(long double a)
{
	if (a < 0)
		return -__fixunsxfti(-a);
	return __fixunsxfti(a);
}
