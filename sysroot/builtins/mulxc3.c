#include "builtins.h"

/* (long double _Complex)(a + ib) * (c + id) with the recovery of C11 Annex G
   (G.5.1, the _Cmultd example): when the plain formula gives NaN + iNaN
   although one factor is infinite, or a partial product overflowed,
   NaN parts become 0 (infinite ones are "boxed" to +-1, signs kept) and
   the product is recomputed scaled by infinity. The operations and their
   order are the plain formula's, so ordinary results are bit for bit
   what the host libgcc gives. */
long double _Complex __mulxc3(long double a, long double b, long double c, long double d)
{
	long double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
	long double x = ac - bd, y = ad + bc;
	int recalc = 0;

	if (!__builtin_isnan(x) || !__builtin_isnan(y))
		return __builtin_complex(x, y);
	if (__builtin_isinf(a) || __builtin_isinf(b)) {
		a = __builtin_copysignl(__builtin_isinf(a) ? 1 : 0, a);
		b = __builtin_copysignl(__builtin_isinf(b) ? 1 : 0, b);
		if (__builtin_isnan(c))
			c = __builtin_copysignl(0, c);
		if (__builtin_isnan(d))
			d = __builtin_copysignl(0, d);
		recalc = 1;
	}
	if (__builtin_isinf(c) || __builtin_isinf(d)) {
		c = __builtin_copysignl(__builtin_isinf(c) ? 1 : 0, c);
		d = __builtin_copysignl(__builtin_isinf(d) ? 1 : 0, d);
		if (__builtin_isnan(a))
			a = __builtin_copysignl(0, a);
		if (__builtin_isnan(b))
			b = __builtin_copysignl(0, b);
		recalc = 1;
	}
	if (!recalc && (__builtin_isinf(ac) || __builtin_isinf(bd) ||
	                __builtin_isinf(ad) || __builtin_isinf(bc))) {
		/* An overflow turned into inf - inf: the product is infinite. */
		if (__builtin_isnan(a))
			a = __builtin_copysignl(0, a);
		if (__builtin_isnan(b))
			b = __builtin_copysignl(0, b);
		if (__builtin_isnan(c))
			c = __builtin_copysignl(0, c);
		if (__builtin_isnan(d))
			d = __builtin_copysignl(0, d);
		recalc = 1;
	}
	if (recalc) {
		x = __builtin_infl() * (a * c - b * d);
		y = __builtin_infl() * (a * d + b * c);
	}
	return __builtin_complex(x, y);
}
