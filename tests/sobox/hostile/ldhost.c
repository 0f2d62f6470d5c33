#define _GNU_SOURCE
#include <fenv.h>
#include <stdio.h>
long double ld_fault(long double x); long double ld_ok(long double x); long double ld_fault0(void);
int main(void) {
	feenableexcept(FE_INVALID);
	printf("ok -> %Lg\n", ld_ok(2));
	printf("fault -> %Lg\n", ld_fault(2));
	printf("fault0 -> %Lg\n", ld_fault0());
	printf("host survived\n");
	return 0;
}
