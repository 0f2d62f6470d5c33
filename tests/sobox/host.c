/* Linked against libdemo.box.so: checks every export's result. */
#include <pthread.h>
#include <stdio.h>

long add(long, long);
int mul(int, int);
long sum6(long, long, long, long, long, long);
long built_length(int);
long keep(long);
long fetch(long);
long add3(long, long, long);
long stray_write(long);

static void check(const char *name, int ok)
{
	printf("%s: sobox/linked/%s\n", ok ? "PASS" : "FAIL", name);
}

/* Another host thread: its own thread in the box, the same library. */
static void *other_thread(void *arg)
{
	return (void *)(add(1, 2) + built_length(10));
}

int main(void)
{
	long acc = 0, p;

	check("add", add(2, 3) == 5 && add(-7, 2) == -5);
	check("int-arguments-and-result", mul(-6, 7) == -42);
	check("six-arguments-in-order", sum6(1, 2, 3, 4, 5, 6) == 1 + 4 + 9 + 16 + 25 + 36);
	check("malloc-strlen-in-box", built_length(1000) == 1000 && built_length(0) == 0);
	p = keep(1234567);
	check("box-pointer-as-integer", p != 0 && fetch(p) == 1234567);
	check("export-calls-export", add3(1, 2, 3) == 6);
	for (long i = 0; i < 100000; i++)
		acc += add(i, 1);
	check("many-calls", acc == 100000L * 99999 / 2 + 100000);
	check("fault-contained", stray_write(5) == -1);
	check("usable-after-fault", add(20, 22) == 42 && built_length(77) == 77);
	pthread_t th;
	void *r = NULL;
	check("other-thread", !pthread_create(&th, NULL, other_thread, NULL) &&
	      !pthread_join(th, &r) && (long)r == 13 && add(1, 2) == 3);
	return 0;
}
