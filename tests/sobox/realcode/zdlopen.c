/*
 * A glibc program that dlopens libz.box.so (argv[1]), takes compressBound,
 * zlibVersion, crc32 and z_box_strdup with dlsym, calls them, dlcloses,
 * and checks that the library is still there afterwards.
 *
 * A .box.so is linked -z nodelete, so dlclose never unloads it: the box
 * it made outlives every handle. Its runtime has left things in this
 * process that point into its code and data: the signal handlers it
 * installed (faults in the box), the thread-exit hook (a pthread key
 * destructor) that gives a host thread's box stack back, each attached
 * thread's TLS word, the paused stub thread's context and the 4 GiB
 * reservation. Unmapping the code under them would turn the next fault,
 * thread exit or call into a jump to nowhere.
 * Prints PASS:/FAIL: sobox/realcode/dlopen/NAME lines.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static void check(const char *name, int ok)
{
	printf("%s: sobox/realcode/dlopen/%s\n", ok ? "PASS" : "FAIL", name);
}

/* Is a file named `name` mapped in this process? */
static int mapped(const char *name)
{
	char line[4096];
	FILE *f = fopen("/proc/self/maps", "r");
	int found = 0;

	while (f && !found && fgets(line, sizeof line, f))
		found = strstr(line, name) != NULL;
	if (f)
		fclose(f);
	return found;
}

int main(int argc, char **argv)
{
	void *h = argc > 1 ? dlopen(argv[1], RTLD_NOW | RTLD_LOCAL) : NULL;
	unsigned long (*bound)(unsigned long);
	const char *(*version)(void);
	unsigned long (*crc)(unsigned long, const unsigned char *, unsigned);
	char *(*strdup_in_box)(const char *);
	int (*contains)(const void *, size_t);

	check("open", h != NULL);
	if (!h) {
		printf("# %s\n", dlerror());
		return 0;
	}
	bound = (unsigned long (*)(unsigned long))dlsym(h, "compressBound");
	version = (const char *(*)(void))dlsym(h, "zlibVersion");
	crc = (unsigned long (*)(unsigned long, const unsigned char *, unsigned))dlsym(h, "crc32");
	strdup_in_box = (char *(*)(const char *))dlsym(h, "z_box_strdup");
	contains = (int (*)(const void *, size_t))dlsym(h, "z_box_contains");
	check("dlsym", bound && version && crc && strdup_in_box && contains);
	if (!bound || !version || !crc || !strdup_in_box || !contains)
		return 0;

	const char *v = version();
	char *s = strdup_in_box("123456789");

	check("calls", bound(1000) == 1013 && v && contains(v, 7) && strcmp(v, "1.2.13") == 0 &&
	      s && contains(s, 10) && crc(0, (const unsigned char *)s, 9) == 0xcbf43926UL);

	/* dlclose: the library stays (nodelete), its functions still work,
	   and a second dlopen gives the same library and the same box */
	check("dlclose", dlclose(h) == 0);
	check("still-mapped-after-dlclose", mapped("libz.box.so"));
	check("callable-after-dlclose", bound(0) == 13 &&
	      crc(0, (const unsigned char *)s, 9) == 0xcbf43926UL);
	void *h2 = dlopen(argv[1], RTLD_NOW | RTLD_NOLOAD);
	check("same-after-reopen", h2 == h && dlsym(h2, "z_box_contains") == (void *)contains &&
	      contains(s, 10));
	return 0;
}
