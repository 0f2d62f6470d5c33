/* app.c - a program using libwords: it knows nothing of boxes. The demo
   builds it twice from this file, against the native libwords.so and
   against the boxed one.
   Usage: app [-w WIDTH] NUMBER...   (each number in a column of WIDTH) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

int main(int argc, char **argv)
{
	int width = 22, i = 1;

	if (argc > 2 && !strcmp(argv[1], "-w")) {
		width = atoi(argv[2]);
		i = 3;
	}
	for (; i < argc; i++) {
		long n = atol(argv[i]);
		printf("%s  %s\n", column(n, width), spell(n));
	}
	printf("app: done\n");
	return 0;
}
