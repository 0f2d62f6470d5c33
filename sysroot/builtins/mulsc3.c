#include "builtins.h"

/* (float _Complex)(a + ib) * (c + id): muldc3.c for float. */
#define MULC3 __mulsc3
#define T float
#define COPYSIGN __builtin_copysignf
#define INF __builtin_inff()
#include "mulc3.h"
