#include "builtins.h"

int64_t __bswapdi2(int64_t a)
{
	return __builtin_bswap64(a);
}
