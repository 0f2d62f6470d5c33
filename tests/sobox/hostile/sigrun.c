/* A signal handler that calls in while a nested run executes box code
   inside an outer run's callback: it must be refused (its frame would
   go over the nested run's live box frames). */
long via(long (*cb)(void))
{
	return cb() + 1;
}

long spin_until(volatile int *flag)
{
	long n = 0;

	while (!*flag)
		n++;
	return n > 0;
}

long id(long x)
{
	return x;
}
