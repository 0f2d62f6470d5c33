#include "builtins.h"

/* gcc itself emits bswap for __builtin_bswap32; this is for callers of
   the libgcc name. */
int32_t __bswapsi2(int32_t a)
{
	return __builtin_bswap32(a);
}
