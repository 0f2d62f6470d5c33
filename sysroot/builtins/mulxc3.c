#include "builtins.h"

/* (long double _Complex)(a + ib) * (c + id): muldc3.c for long double. */
#define MULC3 __mulxc3
#define T long double
#define COPYSIGN __builtin_copysignl
#define INF __builtin_infl()
#include "mulc3.h"
