#include "builtins.h"

/* (double _Complex)(a + ib) * (c + id) with the recovery of C11 Annex G
   (G.5.1, the _Cmultd example): when the plain formula gives NaN + iNaN
   although one factor is infinite, or a partial product overflowed,
   NaN parts become 0 (infinite ones are "boxed" to +-1, signs kept) and
   the product is recomputed scaled by infinity. The operations and their
   order are the plain formula's, so ordinary results are bit for bit
   what the host libgcc gives. */
#define MULC3 __muldc3
#define T double
#define COPYSIGN __builtin_copysign
#define INF __builtin_inf()
#include "mulc3.h"
