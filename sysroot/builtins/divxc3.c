#include "builtins.h"

/* (long double _Complex)(a + ib) / (c + id): divdc3.c for long double. */
#define DIVC3 __divxc3
#define T long double
#define FABS __builtin_fabsl
#define COPYSIGN __builtin_copysignl
#define INF __builtin_infl()
#define T_MAX __LDBL_MAX__
#define T_MIN __LDBL_MIN__
#define T_EPSILON __LDBL_EPSILON__
#include "divc3.h"
