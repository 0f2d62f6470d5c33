/* Signatures whose stack arguments or memory result pass 64 KiB: sobox
   gives them the fallback (a trampoline frame must fit the pinned call
   stack), each parameter below the 64 KiB sig.c itself refuses. */
struct half { char b[40000]; };
struct huge { char b[70000]; };

long two_halves(struct half a, struct half b)
{
	return a.b[0] + b.b[0];
}

struct huge make_huge(long x)
{
	struct huge h = { { (char)x } };

	return h;
}

long small(long x)
{
	return x + 1;
}
