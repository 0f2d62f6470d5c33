/* Linked against libvectors.box.so: host values in %xmm5 and %xmm15
   right before the call must not reach the box. */
#include <stdio.h>

long read_xmm5(void);
long read_xmm15_high(double);

int main(void)
{
	long a, b;

	__asm__ volatile("movabsq $0x1122334455667788, %%rax\n\t"
			 "movq %%rax, %%xmm5\n\t"
			 "call read_xmm5@PLT"
			 : "=a"(a) : : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
			   "r11", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
			   "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
			   "xmm13", "xmm14", "xmm15", "memory");
	__asm__ volatile("movabsq $0x0badc0ffee0ddf00, %%rax\n\t"
			 "movq %%rax, %%xmm15\n\t"
			 "movlhps %%xmm15, %%xmm15\n\t"
			 "xorps %%xmm0, %%xmm0\n\t"
			 "call read_xmm15_high@PLT"
			 : "=a"(b) : : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
			   "r11", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
			   "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
			   "xmm13", "xmm14", "xmm15", "memory");
	printf("%s: sobox/vectors/cleared-on-entry (%lx %lx)\n",
	       a == 0 && b == 0 ? "PASS" : "FAIL", a, b);
	return 0;
}
