/* Linked against the host build of versioned.c (the "real" library) and
   run against its box: each version of each function, as the old and
   new programs of a real library ask for them. */
#include <stdio.h>

int foo_old(int);
__asm__(".symver foo_old, foo@V1");
int only_old(int);
__asm__(".symver only_old, only_old@V1");
int foo(int), bar(int), plain(int);

int main(void)
{
	printf("%d %d %d %d %d\n", foo_old(1), foo(2), bar(3), only_old(4), plain(5));
	return 0;
}
