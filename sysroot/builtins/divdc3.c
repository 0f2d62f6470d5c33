#include "builtins.h"

/* (double _Complex)(a + ib) / (c + id).

   Smith's method (divide through by the larger of |c| and |d|), with
   the scaling of Baudin and Smith as gcc 12's libgcc has it, so that
   results are bit for bit the host's: halve everything when the larger
   part of the divisor is near overflow, scale small operands up by
   1/epsilon so intermediate products do not underflow, and take a
   different order when the ratio is subnormal. Then the recovery of
   C11 Annex G (G.5.1, the _Cdivd example): NaN + iNaN that should be
   an infinity (x / 0, inf / finite) or a zero (finite / inf). */
#define DIVC3 __divdc3
#define T double
#define FABS __builtin_fabs
#define COPYSIGN __builtin_copysign
#define INF __builtin_inf()
#define T_MAX __DBL_MAX__
#define T_MIN __DBL_MIN__
#define T_EPSILON __DBL_EPSILON__
#include "divc3.h"
