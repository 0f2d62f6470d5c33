/* Linked against libdemo.box.so: says when main starts, then calls. With
   SOBOX_VERBOSE=1 the box says when it is ready: before main for a box
   made at load, after it for one made -lazy. */
#include <stdio.h>

long add(long, long);

int main(void)
{
	fprintf(stderr, "main\n");
	return add(2, 3) == 5 ? 0 : 1;
}
