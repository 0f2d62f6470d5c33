/*
 * count-host: the program count-steps traces (bench/README.md). Linked
 * against libsbench.so (bench/sobox-lib.c) and run against either build
 * through LD_LIBRARY_PATH, the native library or the .box.so: the same
 * binary for both counts. Each function is called once plainly first (a
 * thread's first call into a box attaches the thread, and the lazy PLT
 * entry is resolved: neither is the call being measured), then once
 * through `counted` (count-call.S), between the int3 pair count-steps
 * counts from and to. The call there is `call *ADDRESS`, the function's
 * own address (what a PLT entry jumps to): the PLT's one `jmp` is left
 * out on both sides.
 */
#include <dlfcn.h>
#include <stdio.h>

struct s32 {
	long a, b, c, d;
};

int add(int, int);
long many(long, long, long, long, long, long, long, long, double, double,
	  double, double, double, double, double, double, double, double);
struct s32 mk(long);
int call_cb(int (*)(int), int);

extern void *count_target;
extern const char *count_label;
extern unsigned char counted[];	/* code, called only through casts */

/* fn(...) through `counted`, its region named label */
#define COUNTED(label, fn, ...)                                   \
	(count_label = (label), count_target = (void *)(fn),      \
	 ((__typeof__(fn) *)(void *)counted)(__VA_ARGS__))

static int host_cb(int x)
{
	return x + 1;
}

int main(void)
{
	/* boxed: the box address of host_cb (the box API is only in the
	   .box.so); native: host_cb itself */
	void *(*reg)(void *) = (void *(*)(void *))dlsym(RTLD_DEFAULT,
							 "sbench_box_register_cb");
	int (*cb)(int) = reg ? (int (*)(int))reg((void *)host_cb) : host_cb;
	int ok = 1;

	ok &= add(40, 2) == 42;
	ok &= COUNTED("add", add, 40, 2) == 42;
	ok &= many(1, 2, 3, 4, 5, 6, 7, 8, .5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5,
		   8.5, 9.5) == 86;
	ok &= COUNTED("many", many, 1, 2, 3, 4, 5, 6, 7, 8, .5, 1.5, 2.5, 3.5,
		      4.5, 5.5, 6.5, 7.5, 8.5, 9.5) == 86;
	ok &= mk(10).d == 13;
	ok &= COUNTED("mk", mk, 10).d == 13;
	ok &= call_cb(cb, 40) == 42;
	ok &= COUNTED("call_cb", call_cb, cb, 40) == 42;
	if (!ok)
		fprintf(stderr, "count-host: a wrong result (%s)\n",
			reg ? "boxed" : "native");
	return !ok;
}
