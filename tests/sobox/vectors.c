/* What a box function finds in the vector registers that are not its
   arguments: the trampoline must have cleared them (no host data in). */
long read_xmm5(void)
{
	long v;

	__asm__ volatile("movq %%xmm5, %0" : "=r"(v));
	return v;
}

long read_xmm15_high(double a)
{
	long v;

	__asm__ volatile("movhlps %%xmm15, %%xmm15\n\tmovq %%xmm15, %0" : "=r"(v) : : "xmm15");
	return v;
}
