#include "builtins.h"

tu_int __fixunsdfti(double);

/* double -> __int128, truncating toward zero: the magnitude's conversion,
   negated for negative values. */
ti_int __fixdfti(double a)
{
	if (a < 0)
		return -__fixunsdfti(-a);
	return __fixunsdfti(a);
}
