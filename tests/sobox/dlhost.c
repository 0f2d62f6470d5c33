/* dlopen's a .box.so (glibc) and calls through dlsym. */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	void *h = dlopen(argv[1], RTLD_NOW);
	long (*add)(long, long), (*built)(int);

	if (!h) {
		printf("FAIL: sobox/dlopen/open: %s\n", dlerror());
		return 0;
	}
	add = (long (*)(long, long))dlsym(h, "add");
	built = (long (*)(int))dlsym(h, "built_length");
	printf("%s: sobox/dlopen/calls\n",
	       add && built && add(40, 2) == 42 && built(300) == 300 ? "PASS" : "FAIL");
	return 0;
}
