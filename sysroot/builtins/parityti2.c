#include "builtins.h"

int __paritydi2(di_int);

int __parityti2(ti_int a)
{
	return __paritydi2(hi64(a) ^ lo64(a));
}
