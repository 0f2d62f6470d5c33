#include "builtins.h"

uint64_t __fixunsxfdi(long double a)
{
	return a;
}
