/*
 * Runs rewritten code in a real (minimal) LFI sandbox: a 4 GiB-aligned
 * reservation whose base is in %r14 and the %gs base, code and stack
 * inside it, entered with a return address that points to an exit stub
 * inside the sandbox (the rewritten `ret` masks it into the sandbox).
 * The code under test is in section `sbx` (linked in, copied into the
 * sandbox; it must be position-independent and self-contained).
 * Usage: harness; prints one line per failed case, exits 0 if all pass,
 * 1 on a wrong result, 2 if the sandbox cannot be set up.
 */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GIB (1ULL << 30)
#define CODE_OFF  0x10000	/* sandbox offsets, bundle-aligned */
#define STUB_OFF  0x20000
#define STACK_OFF 0x100000
#define STACK_SIZE 0x10000

extern char __start_sbx[], __stop_sbx[];
long less_mov(long a, long b), below_leave(long a, long b),
	ge_lea(long a, long b), less_load(long a, long b),
	less_enter0(long a, long b), less_enter(long a, long b),
	less_alias(long a, long b);
long enter_sandbox(long a, long b, uintptr_t fn, uintptr_t stack_top,
		   uintptr_t base, uintptr_t exit_stub);
void sandbox_exit(void);

/* enter_sandbox saves the host's callee-saved registers and %rsp, sets
 * %r14, switches to the sandbox stack, pushes the exit stub as return
 * address and jumps to fn; the stub jumps to sandbox_exit. */
__asm__(
	"	.text\n"
	"	.globl enter_sandbox\n"
	"enter_sandbox:\n"
	"	pushq %rbx\n	pushq %rbp\n	pushq %r12\n"
	"	pushq %r13\n	pushq %r14\n	pushq %r15\n"
	"	movq %rsp, host_rsp(%rip)\n"
	"	movq %r8, %r14\n"
	"	movq %rcx, %rsp\n"
	"	pushq %r9\n"
	"	jmpq *%rdx\n"
	"	.globl sandbox_exit\n"
	"sandbox_exit:\n"
	"	movq host_rsp(%rip), %rsp\n"
	"	popq %r15\n	popq %r14\n	popq %r13\n"
	"	popq %r12\n	popq %rbp\n	popq %rbx\n"
	"	ret\n"
	"	.local host_rsp\n"
	"	.comm host_rsp, 8, 8\n");

static uintptr_t base;

static int setup(void)
{
	char *p = mmap(NULL, 8 * GIB, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return perror("mmap reservation"), -1;
	base = ((uintptr_t)p + 4 * GIB - 1) & ~(4 * GIB - 1);
	size_t code = (size_t)(__stop_sbx - __start_sbx);
	char *c = (char *)base + CODE_OFF, *s = (char *)base + STUB_OFF;
	if (mprotect(c, 0x10000, PROT_READ | PROT_WRITE) ||
	    mprotect(s, 0x1000, PROT_READ | PROT_WRITE) ||
	    mprotect((char *)base + STACK_OFF, STACK_SIZE,
		     PROT_READ | PROT_WRITE))
		return perror("mprotect"), -1;
	if (code > 0x10000)
		return fprintf(stderr, "code too large\n"), -1;
	memcpy(c, __start_sbx, code);
	/* movabs $sandbox_exit, %r11 ; jmpq *%r11 */
	uint64_t exit_addr = (uintptr_t)sandbox_exit;
	memcpy(s, "\x49\xbb", 2);
	memcpy(s + 2, &exit_addr, 8);
	memcpy(s + 10, "\x41\xff\xe3", 3);
	if (mprotect(c, 0x10000, PROT_READ | PROT_EXEC) ||
	    mprotect(s, 0x1000, PROT_READ | PROT_EXEC))
		return perror("mprotect"), -1;
	if (syscall(SYS_arch_prctl, ARCH_SET_GS, base))
		return perror("arch_prctl(ARCH_SET_GS)"), -1;
	return 0;
}

static long run(long (*fn)(long, long), long a, long b)
{
	uintptr_t in_sandbox = base + CODE_OFF + ((char *)fn - __start_sbx);
	return enter_sandbox(a, b, in_sandbox, base + STACK_OFF + STACK_SIZE,
			     base, base + STUB_OFF);
}

int main(void)
{
	static const long v[] = { 0, 1, 2, -1, -2, 5, LONG_MIN, LONG_MAX,
				  0x100000000L, -0x100000000L };
	int n = sizeof v / sizeof v[0], bad = 0;
	if (setup())
		return 2;
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < n; j++) {
			long a = v[i], b = v[j];
			long want[7] = { a < b, (unsigned long)a < (unsigned long)b
					 ? 1 : 2, a >= b ? 11 : 1, a < b, a < b, a < b,
					 a < b };
			long got[7] = { run(less_mov, a, b), run(below_leave, a, b),
					run(ge_lea, a, b), run(less_load, a, b),
					run(less_enter0, a, b), run(less_enter, a, b),
					run(less_alias, a, b) };
			for (int k = 0; k < 7; k++)
				if (got[k] != want[k]) {
					printf("case %d (%ld, %ld): %ld, expected %ld\n",
					       k, a, b, got[k], want[k]);
					bad = 1;
				}
		}
	}
	return bad;
}
