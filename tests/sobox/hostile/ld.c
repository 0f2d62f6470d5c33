/* long double results after a fault in the box, with FE_INVALID
   unmasked by the host: a NaN comes back, no SIGFPE. */
long double ld_fault(long double x) { *(volatile long *)16 = 1; return x * 2; }
long double ld_fault0(void) { *(volatile long *)16 = 1; return 3; }
long double ld_ok(long double x) { return x * 2; }
