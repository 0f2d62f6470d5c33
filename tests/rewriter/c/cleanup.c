/* cflags: -fexceptions */
/* __attribute__((cleanup)) with -fexceptions: the cleanups run from
 * landing pads that only .gcc_except_table names */
#include <stdlib.h>

void consume(char *p);

static void release(char **p)
{
	free(*p);
}

int work(int n)
{
	char *a __attribute__((cleanup(release))) = malloc(n);
	consume(a);
	char *b __attribute__((cleanup(release))) = malloc(2 * n);
	consume(b);
	consume(a);
	return n;
}
