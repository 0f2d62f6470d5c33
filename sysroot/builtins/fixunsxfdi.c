#include "builtins.h"

du_int __fixunsxfdi(long double a)
{
	return a;
}
