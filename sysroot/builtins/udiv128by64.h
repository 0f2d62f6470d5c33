/* (hi:lo) / d for hi < d, so the quotient fits in 64 bits. Internal to
   the division functions. */
#ifndef UDIV128BY64_H
#define UDIV128BY64_H

#include "builtins.h"

/* C has no 128-by-64 division that would not itself call __udivti3, so
   this is the one place that uses the instruction directly: divq takes
   rdx:rax, and needs hi < d or it traps (#DE), like a division by zero. */
static inline du_int udiv128by64(du_int hi, du_int lo, du_int d,
                                   du_int *rem)
{
	du_int q, r;
	__asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "r"(d));
	*rem = r;
	return q;
}

#endif
