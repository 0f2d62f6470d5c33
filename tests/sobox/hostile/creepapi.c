/* The box API from inside a callback, again and again: each call (the
   runtime's C path, lfi_enter) makes system calls in the box (a 1 MiB
   malloc is an mmap, its free a munmap), and each must start from the
   same place on the thread's call stack (lfi_enter puts the interrupted
   run's runtime-call words back after each nested run). */
#include <stdio.h>
#include "creep_box.h"

long via_cb(long (*cb)(long), long v);

static long cb(long n)
{
	for (long i = 0; i < n; i++) {
		void *p = creep_box_malloc(1 << 20);

		if (!p) {
			printf("box malloc %ld failed\n", i);
			return -1;
		}
		creep_box_free(p);
	}
	return n;
}

int main(void)
{
	long (*b)(long) = (long (*)(long))creep_box_register_cb((void *)cb);

	printf("via_cb -> %ld\n", via_cb(b, 20000));
	return 0;
}
