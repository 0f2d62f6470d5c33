#include "builtins.h"
#include "udiv128by64.h"

/* Unsigned 128-bit division with remainder, from 64-bit divisions
   (Hacker's Delight, 9-5: normalize the divisor so its top 64 bits give
   a quotient estimate that is at most one too large). Dividing by zero
   traps (#DE), like the host's. rem may be null. */
tu_int __udivmodti4(tu_int n, tu_int d, tu_int *rem)
{
	du_int q_hi, q_lo, r;
	tu_int q;

	if (hi64(d) == 0) {
		/* Two steps of 128/64 long division; each has hi < divisor. */
		q_hi = 0;
		r = hi64(n);
		if (r >= lo64(d)) {
			q_hi = r / lo64(d);
			r = r % lo64(d);
		}
		q_lo = udiv128by64(r, lo64(n), lo64(d), &r);
		if (rem)
			*rem = r;
		return make_tu(q_hi, q_lo);
	}

	/* d >= 2^64, so the quotient fits in 64 bits. Shift d left so its
	   top bit is set and n right by one so that n's top half is below
	   d's: the 128/64 division cannot overflow. */
	int s = __builtin_clzll(hi64(d));
	du_int v = hi64(d << s);
	tu_int n1 = n >> 1;
	q_lo = udiv128by64(hi64(n1), lo64(n1), v, &r);
	/* Undo the shifts; the estimate is now correct or one too large,
	   so take one off and add it back when the remainder allows. */
	q_lo = q_lo >> (63 - s);
	if (q_lo != 0)
		q_lo--;
	q = q_lo;
	if (n - q * d >= d)
		q++;
	if (rem)
		*rem = n - q * d;
	return q;
}
