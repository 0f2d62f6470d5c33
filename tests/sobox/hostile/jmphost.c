/* A host longjmp out of an inner callback (run R2, nested in the outer
   run R1's callback) back into the outer callback's host function. */
#include <setjmp.h>
#include <stdio.h>
#include "sigrun_box.h"
long via(long (*cb)(void));
long id(long x);
static jmp_buf jb;
static long (*bcb2)(void);
static long cb2(void) { longjmp(jb, 1); }
static long cb1(void)
{
	if (!setjmp(jb))
		printf("inner via -> %ld\n", via(bcb2));
	else
		printf("longjmp back into cb1\n");
	fflush(stdout);
#ifdef CALL_AFTER
	printf("id(5) from cb1 -> %ld\n", id(5));
	fflush(stdout);
#endif
	return 10;
}
int main(void)
{
	bcb2 = (long (*)(void))sigrun_box_register_cb((void *)cb2);
	long (*b1)(void) = (long (*)(void))sigrun_box_register_cb((void *)cb1);
	printf("outer via -> %ld\n", via(b1));
	printf("after: id(9) -> %ld\n", id(9));
	return 0;
}
