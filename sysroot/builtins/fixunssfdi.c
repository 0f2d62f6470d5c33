#include "builtins.h"

du_int __fixunssfdi(float a)
{
	return a;
}
