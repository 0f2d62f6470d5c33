/* Complex multiplication with the recovery of C11 Annex G (muldc3.c
   says how), as a template: the includer defines MULC3 (the function's
   name), T (the floating type), COPYSIGN and INF for it. The function
   itself is the template, not a static helper it calls: inlined, gcc
   orders the operands of the products differently, and then another of
   two NaN inputs comes out than the host libgcc's. */
T _Complex MULC3(T a, T b, T c, T d)
{
	T ac = a * c, bd = b * d, ad = a * d, bc = b * c;
	T x = ac - bd, y = ad + bc;
	int recalc = 0;

	if (!__builtin_isnan(x) || !__builtin_isnan(y))
		return __builtin_complex(x, y);
	if (__builtin_isinf(a) || __builtin_isinf(b)) {
		a = COPYSIGN(__builtin_isinf(a) ? 1 : 0, a);
		b = COPYSIGN(__builtin_isinf(b) ? 1 : 0, b);
		if (__builtin_isnan(c))
			c = COPYSIGN(0, c);
		if (__builtin_isnan(d))
			d = COPYSIGN(0, d);
		recalc = 1;
	}
	if (__builtin_isinf(c) || __builtin_isinf(d)) {
		c = COPYSIGN(__builtin_isinf(c) ? 1 : 0, c);
		d = COPYSIGN(__builtin_isinf(d) ? 1 : 0, d);
		if (__builtin_isnan(a))
			a = COPYSIGN(0, a);
		if (__builtin_isnan(b))
			b = COPYSIGN(0, b);
		recalc = 1;
	}
	if (!recalc && (__builtin_isinf(ac) || __builtin_isinf(bd) ||
	                __builtin_isinf(ad) || __builtin_isinf(bc))) {
		/* An overflow turned into inf - inf: the product is infinite. */
		if (__builtin_isnan(a))
			a = COPYSIGN(0, a);
		if (__builtin_isnan(b))
			b = COPYSIGN(0, b);
		if (__builtin_isnan(c))
			c = COPYSIGN(0, c);
		if (__builtin_isnan(d))
			d = COPYSIGN(0, d);
		recalc = 1;
	}
	if (recalc) {
		x = INF * (a * c - b * d);
		y = INF * (a * d + b * c);
	}
	return __builtin_complex(x, y);
}
