/* A library whose constructor faults in the box: the stub never hands
   over its exports, so the box is not made (tests/sobox/run.sh). */
int answer(void)
{
	return 42;
}

__attribute__((constructor)) static void fault_at_load(void)
{
	*(volatile int *)16 = 1;	/* the null guard */
}
