/* The sobox handover outside a .box.so (under lfi-run): an unknown
   system call, and the program goes on. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

static void f(void)
{
}

int main(void)
{
	static void (*const table[])(void) = { f };
	long r = syscall(400, table, 1L);

	printf("%ld %d\n", r, r < 0 ? errno : 0);
	return 0;
}
