/* A hostile library: its %rsp moved above its pinned call stack, with a
   read-only page of its own above that, before calling back into the
   host, which calls an export taking a 60 KB struct: the nested frame
   would not fit below the call slot, so the call must be refused (the
   host writing it faulted before: a dead host). */
#include <stdint.h>
#include <sys/mman.h>
#include <errno.h>
struct big { char b[60000]; };
long bigarg(struct big s) { return s.b[0] + s.b[59999]; }
/* calls cb with the sandbox %rsp at `sp` (a return address planted there) */
static long call_on(uint64_t sp, long (*cb)(void))
{
	long r;
	__asm__ volatile(
		"leaq 1f(%%rip), %%rax\n\t"
		"movq %%rax, (%[sp])\n\t"
		"movq %%rsp, 8(%[sp])\n\t"
		"movq %[sp], %%rsp\n\t"
		"jmpq *%[cb]\n\t"
		".p2align 5\n"
		"1:\n\t"
		"movq (%%rsp), %%rcx\n\t" "movq %%rcx, %%rsp\n\t"
		: "=a"(r) : [sp] "r"(sp), [cb] "r"(cb)
		: "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "memory");
	return r;
}
long evil(long (*cb)(void))
{
	uint64_t call_sp = (uint64_t)__builtin_frame_address(0) + 8;
	uint64_t size = 64 + 60032, sp = call_sp + 8 + 128 + size + 8, p;
	/* the first page above the stack that is not pinned */
	for (p = (call_sp + 4095) & ~4095ULL; p < call_sp + size; p += 4096)
		if (mmap((void *)p, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED)
			break;
	if (p >= call_sp + size - 64)
		return -1000 - (long)(p - call_sp);
	/* the planted return address: fresh memory, or a pinned stack above (already RW) */
	mmap((void *)(sp & ~4095ULL), 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	return call_on(sp, cb);
}

/* the next host thread's pinned stack goes right below a page of ours */
long prep(void)
{
	char *x = mmap(0, (1 << 20) + 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (x == MAP_FAILED)
		return -1;
	munmap(x, 1 << 20);
	return (long)x;
}
