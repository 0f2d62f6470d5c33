/* (hi:lo) / d for hi < d, so the quotient fits in 64 bits. Internal to
   the division functions. */
#ifndef UDIV128BY64_H
#define UDIV128BY64_H

#include <stdint.h>

/* C has no 128-by-64 division that would not itself call __udivti3, so
   this is the one place that uses the instruction directly: divq takes
   rdx:rax, and needs hi < d or it traps (#DE), like a division by zero. */
static inline uint64_t udiv128by64(uint64_t hi, uint64_t lo, uint64_t d,
                                   uint64_t *rem)
{
	uint64_t q, r;
	__asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "r"(d));
	*rem = r;
	return q;
}

#endif
