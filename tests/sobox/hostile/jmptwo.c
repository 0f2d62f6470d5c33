/* A host longjmp from a callback of box B (called from a callback of box
   A) back into A's callback: A's run must resume as A's (its context,
   %r14 and %gs), not with what B's abandoned run left. */
#include <setjmp.h>
#include <stdio.h>
#include "jmpa_box.h"
#include "jmpb_box.h"
long via_a(long (*)(void)), id_a(long), via_b(long (*)(void)), id_b(long);
static jmp_buf jb;
static long (*bcb2)(void);
static long cb2(void) { longjmp(jb, 1); }
static long cb1(void)
{
	if (!setjmp(jb))
		printf("via_b -> %ld\n", via_b(bcb2));
	else
		printf("longjmp back into cb1 (A's callback)\n");
	fflush(stdout);
	return 10;
}
int main(void)
{
	bcb2 = (long (*)(void))jmpb_box_register_cb((void *)cb2);
	long (*b1)(void) = (long (*)(void))jmpa_box_register_cb((void *)cb1);
	printf("via_a -> %ld\n", via_a(b1));
	fflush(stdout);
	printf("id_a(9) -> %ld, id_b(8) -> %ld\n", id_a(9), id_b(8));
	return 0;
}
