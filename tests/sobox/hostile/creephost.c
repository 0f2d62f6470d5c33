/* A callback that makes 100000 nested calls, each doing a system call:
   each must start from the same place on the thread's call stack (the
   interrupted run's runtime-call words are put back after each one). */
#include <stdio.h>
#include <string.h>
#include "creep_box.h"
long pid(void); long via_cb(long (*cb)(long), long v); long entry_sp(void);
static long cb(long n) {
	for (long i = 0; i < n; i++) if (pid() < 0) { printf("nested call %ld failed\n", i); return -1; }
	return n;
}
int main(void) {
	long (*b)(long) = (long (*)(long))creep_box_register_cb((void *)cb);
	printf("entry_sp %lx\n", entry_sp());
	for (int k = 0; k < 3; k++) printf("via_cb -> %ld\n", via_cb(b, 100000));
	return 0;
}
