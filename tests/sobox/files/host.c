/* Loads a .box.so made from libfirst (tests/sobox/files.sh) by path and
   calls it: host PATH [MAP-EXTRA]. Prints one line per call. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

typedef long (*fn)(long, long, long, long, long, long);

static fn get(void *h, const char *name)
{
	fn f = (fn)dlsym(h, name);

	if (!f) {
		printf("%s: missing\n", name);
		exit(1);
	}
	return f;
}

int main(int argc, char **argv)
{
	void *h = dlopen(argv[1], RTLD_NOW);

	if (!h) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	printf("first_calls_second %ld\n", get(h, "first_calls_second")(20, 0, 0, 0, 0, 0));
	printf("first_conf %ld\n", get(h, "first_conf")(0, 0, 0, 0, 0, 0));
	if (argc > 2)
		printf("first_map_second %ld\n",
		       get(h, "first_map_second")(atol(argv[2]), 0, 0, 0, 0, 0));
	fflush(stdout);
	dlclose(h);
	return 0;
}
