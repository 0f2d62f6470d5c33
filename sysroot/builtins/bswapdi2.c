#include "builtins.h"

di_int __bswapdi2(di_int a)
{
	return __builtin_bswap64(a);
}
