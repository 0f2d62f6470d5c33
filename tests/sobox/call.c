/* call LIB FUNC [N...]: dlopen LIB, call FUNC with up to six integer
   arguments, print its result. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	long a[6] = { 0 };
	void *h = argc > 2 ? dlopen(argv[1], RTLD_NOW) : NULL;
	long (*f)(long, long, long, long, long, long) =
		h ? (long (*)(long, long, long, long, long, long))dlsym(h, argv[2]) : NULL;

	if (!f) {
		fprintf(stderr, "call: %s\n", h ? dlerror() : "cannot open the library");
		return 1;
	}
	for (int i = 3; i < argc && i < 9; i++)
		a[i - 3] = strtol(argv[i], NULL, 0);
	printf("%ld\n", f(a[0], a[1], a[2], a[3], a[4], a[5]));
	return 0;
}
