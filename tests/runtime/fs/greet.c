/* A shared library for the DT_NEEDED tests (fs.sh). */
#include <stdio.h>
int greet_count = 40;
int greet(const char *who)
{
	return printf("hello from the library, %s %d\n", who, ++greet_count);
}
