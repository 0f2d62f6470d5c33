#include "builtins.h"

uint64_t __fixunssfdi(float a)
{
	return a;
}
