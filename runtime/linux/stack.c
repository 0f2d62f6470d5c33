/* The initial stack of a program in a box, as the kernel builds it:
   argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL; above them the
   strings and AT_RANDOM's 16 bytes. Every pointer is a box address. */
#define _GNU_SOURCE
#include "linux.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#define STACK_SIZE (8ULL << 20)
/* below the top of the box: a guard page that is never mapped */
#define STACK_TOP_GAP (64ULL << 10)

struct builder {
	uint64_t sp;		/* grows down */
	uint64_t floor;
};

/* Copies n bytes below sp; returns their address (0 when full). */
static uint64_t push_bytes(struct builder *b, const void *p, size_t n)
{
	if (b->sp - b->floor < n + 4096)
		return 0;
	b->sp -= n;
	memcpy((void *)(uintptr_t)b->sp, p, n);
	return b->sp;
}

static size_t count(char *const v[])
{
	size_t n = 0;
	while (v && v[n])
		n++;
	return n;
}

/* Strings first (highest), their box addresses into `to`. */
static int push_strings(struct builder *b, char *const v[], size_t n, uint64_t *to)
{
	for (size_t i = n; i-- > 0;)
		if (!(to[i] = push_bytes(b, v[i], strlen(v[i]) + 1)))
			return -1;
	return 0;
}

static size_t auxv(uint64_t *a, const struct lfi_image *prog, uint64_t interp_bias,
		   uint64_t random, uint64_t execfn)
{
	size_t n = 0;
#define AUX(k, v) (a[n++] = (k), a[n++] = (v))
	AUX(AT_PHDR, prog->phdr);
	AUX(AT_PHENT, prog->phent);
	AUX(AT_PHNUM, prog->phnum);
	AUX(AT_PAGESZ, LFI_PAGE_SIZE);
	AUX(AT_BASE, interp_bias);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, prog->entry);
	AUX(AT_UID, getuid());
	AUX(AT_EUID, geteuid());
	AUX(AT_GID, getgid());
	AUX(AT_EGID, getegid());
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random);
	AUX(AT_HWCAP, getauxval(AT_HWCAP));
	AUX(AT_CLKTCK, sysconf(_SC_CLK_TCK));
	AUX(AT_EXECFN, execfn);
	AUX(AT_NULL, 0);
#undef AUX
	return n;
}

uint64_t lfi_initial_stack(struct lfi_box *box, const struct lfi_image *prog,
			   uint64_t interp_bias, const char *execfn,
			   char *const argv[], char *const envp[])
{
	uint64_t top = lfi_box_base(box) + LFI_BOX_SIZE - STACK_TOP_GAP;
	uint64_t lo = top - STACK_SIZE, rnd[2];
	size_t argc = count(argv), envc = count(envp);
	size_t words = 1 + argc + 1 + envc + 1 + 40;
	uint64_t *w = calloc(words, sizeof *w), fn, random;
	struct builder b = { .sp = top, .floor = lo };
	size_t n = 0;

	if (!w || lfi_box_map(box, &lo, STACK_SIZE, PROT_READ | PROT_WRITE,
			      LFI_MAP_FIXED) != 0)
		goto fail;
	if (getrandom(rnd, sizeof rnd, 0) != sizeof rnd)
		goto fail;
	if (!(fn = push_bytes(&b, execfn, strlen(execfn) + 1)) ||
	    !(random = push_bytes(&b, rnd, sizeof rnd)))
		goto fail;
	w[n++] = argc;
	if (push_strings(&b, argv, argc, w + n))
		goto fail;
	n += argc + 1;
	if (push_strings(&b, envp, envc, w + n))
		goto fail;
	n += envc + 1;
	n += auxv(w + n, prog, interp_bias, random, fn);
	b.sp &= ~15ULL;
	if (n % 2)		/* %rsp 16-byte aligned at argc */
		b.sp -= 8;
	if (!push_bytes(&b, w, n * sizeof *w))
		goto fail;
	free(w);
	return b.sp;
fail:
	free(w);
	return 0;
}
