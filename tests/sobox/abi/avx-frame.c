/* A 32-byte aligned local and a call: gcc -O2 -mavx realigns %rsp
   (andq/subq) and puts vzeroupper before the call. The LFI driver must
   compile it (run.sh: lfi-compiles-avx-frame). */
typedef float v8f __attribute__((vector_size(32)));

void g(v8f *);

void f(const v8f *p)
{
	v8f v = *p;

	g(&v);
}
