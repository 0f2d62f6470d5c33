/*
 * sobox-lib.c - the library of the sobox call benchmark and of the
 * instruction count (bench/README.md). Compiled twice from this one
 * source: with the LFI driver (then boxed by sobox) and with the host
 * gcc (the native baseline), so both sides run the same C.
 * Each function is the smallest body that still exercises one part of
 * the calling convention a trampoline must carry.
 */
struct s32 {
	long a, b, c, d;
};

/* registers only: the bare cost of crossing */
int add(int a, int b)
{
	return a + b;
}

/* 6 integer and 8 SSE registers, then 2 + 2 arguments on the stack
   (32 bytes the trampoline copies to the sandbox stack) */
long many(long a, long b, long c, long d, long e, long f, long g, long h,
	  double x0, double x1, double x2, double x3, double x4, double x5,
	  double x6, double x7, double x8, double x9)
{
	return a + b + c + d + e + f + g + h +
	       (long)(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9);
}

/* a 32-byte result in memory: through the hidden pointer, which the
   trampoline points at a sandbox buffer and copies back from */
struct s32 mk(long a)
{
	struct s32 s = { a, a + 1, a + 2, a + 3 };
	return s;
}

/* one call back to the host: box -> host -> box inside the call
   (the host registers cb with PREFIX_box_register_cb when boxed); the
   + 1 keeps it a real call, not a tail jump out of the box */
int call_cb(int (*cb)(int), int x)
{
	return cb(x) + 1;
}
