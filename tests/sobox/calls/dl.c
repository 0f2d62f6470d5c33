/* dlopen and dlclose of a .box.so (tests/sobox/calls.sh). sobox links
   every .box.so with -z nodelete: dlclose leaves it loaded, so a saved
   function pointer still works, and opening it again gives the same
   library with its box's state (a counter that goes on). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

#include "check.h"

int main(int argc, char **argv)
{
	void *h = dlopen(argv[1], RTLD_NOW), *h2;
	long (*mix)(long, long), (*next)(void), (*next2)(void);
	long before;

	check_group = "dlclose/";
	if (!h) {
		check("dlopen", 0, "%s", dlerror());
		return 0;
	}
	mix = (long (*)(long, long))dlsym(h, "mix");
	next = (long (*)(void))dlsym(h, "counter_next");
	check("calls", mix && next && next() == 1 && next() == 2, NULL);
	check("dlclose", dlclose(h) == 0, "%s", dlerror());
	check("saved-pointer-after-dlclose", next() == 3 && mix(0, 0) == 0, NULL);
	h2 = dlopen(argv[1], RTLD_NOW | RTLD_NOLOAD);
	check("still-loaded", h2 != NULL, NULL);
	if (h2)
		dlclose(h2);
	h2 = dlopen(argv[1], RTLD_NOW);
	next2 = h2 ? (long (*)(void))dlsym(h2, "counter_next") : NULL;
	before = next2 ? next2() : -1;
	check("reopened-same-box", h2 == h && next2 == next && before == 4, "%ld", before);
	for (int i = 0; i < 5; i++)
		dlclose(h2);
	check("after-closing-too-often", next() == 5, NULL);
	return 0;
}
