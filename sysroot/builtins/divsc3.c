#include "builtins.h"

#define T float
#define COPYSIGN __builtin_copysignf
#define INF __builtin_inff()
#include "cdiv_recover.h"

/* (float _Complex)(a + ib) / (c + id). Like gcc 12's libgcc, the
   textbook formula in double: double's range and precision are wide
   enough that nothing computed from floats overflows, underflows or
   cancels badly, so no scaling is needed. Then the recovery of C11
   Annex G (G.5.1, the _Cdivd example), in float, as in divdc3.c. */
float _Complex __divsc3(float a, float b, float c, float d)
{
	/* Widened first, then the plain formula: operands in this order
	   give gcc's operand order of the host's, which decides which NaN
	   comes out when both inputs of a product are NaN. */
	double aa = a, bb = b, cc = c, dd = d;
	double denom = cc * cc + dd * dd;
	float x = (aa * cc + bb * dd) / denom;
	float y = (bb * cc - aa * dd) / denom;

	cdiv_recover(a, b, c, d, &x, &y);
	return __builtin_complex(x, y);
}
