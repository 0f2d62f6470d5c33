#include "builtins.h"

/* gcc itself emits bswap for __builtin_bswap32; this is for callers of
   the libgcc name. */
si_int __bswapsi2(si_int a)
{
	return __builtin_bswap32(a);
}
