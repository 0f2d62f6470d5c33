/* Linked against libnoload.box.so, whose box cannot be made: each call
   fails (-1), the attempt is not repeated at every call, a destroy lets
   the next call try again; no crash in between (tests/sobox/run.sh). */
#include <stdio.h>

int answer(void);
int noload_box_destroy(void);

int main(void)
{
	int a = answer(), b = answer(), d = noload_box_destroy(), c = answer();

	printf("%d %d %d %d\n", a, b, d, c);
	return 0;
}
