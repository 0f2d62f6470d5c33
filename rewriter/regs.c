/* Register names. Registers are identified by family (which 64-bit
 * register they are part of) and width; %ah..%bh belong to families 0..3,
 * so they are never mistaken for %spl..%dil. */
#include "rewrite.h"
#include <string.h>

static const char *const names[4][16] = {
	{ "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
	  "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" },
	{ "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
	  "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d" },
	{ "ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
	  "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w" },
	{ "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
	  "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b" },
};
static const int widths[4] = { 64, 32, 16, 8 };
static const char *const high8[4] = { "ah", "ch", "dh", "bh" };
static const char *const segs[6] = { "es", "cs", "ss", "ds", "fs", "gs" };

/* One static entry per name we can return. */
static struct reg gpr[4][16], hi[4], rip = { "rip", FAM_RIP, 64, false },
	eip = { "eip", FAM_RIP, 32, false }, seg[6], other[64];
static int nother;

static bool eq(const char *a, const char *s, int len)
{
	return (int)strlen(a) == len && strncmp(a, s, (size_t)len) == 0;
}

/* Non-general registers we pass through untouched. */
static bool other_class(const char *s, int len)
{
	static const char *const pfx[] = { "xmm", "ymm", "zmm", "mm", "st",
					   "k", "cr", "dr", "bnd" };
	for (size_t i = 0; i < sizeof pfx / sizeof *pfx; i++) {
		int n = (int)strlen(pfx[i]);
		if (len < n || strncmp(s, pfx[i], (size_t)n))
			continue;
		int j = n;
		while (j < len && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == len)
			return true;
	}
	return false;
}

const struct reg *reg_lookup(const char *s, int len)
{
	for (int w = 0; w < 4; w++)
		for (int f = 0; f < 16; f++)
			if (eq(names[w][f], s, len)) {
				gpr[w][f] = (struct reg){ names[w][f], f, widths[w], false };
				return &gpr[w][f];
			}
	/* gas also accepts %r8l .. %r15l for the low byte */
	if (len >= 3 && len <= 4 && s[0] == 'r' && s[len - 1] == 'l') {
		char tmp[8];
		memcpy(tmp, s, (size_t)len);
		tmp[len - 1] = 'b';
		for (int f = 8; f < 16; f++)
			if (eq(names[3][f], tmp, len))
				return reg_lookup(names[3][f], len);
	}
	for (int f = 0; f < 4; f++)
		if (eq(high8[f], s, len)) {
			hi[f] = (struct reg){ high8[f], f, 8, false };
			return &hi[f];
		}
	if (eq("rip", s, len))
		return &rip;
	if (eq("eip", s, len))
		return &eip;
	for (int i = 0; i < 6; i++)
		if (eq(segs[i], s, len)) {
			seg[i] = (struct reg){ segs[i], FAM_NONE, 0, true };
			return &seg[i];
		}
	/* Any other register (xmm, ymm, st, mm, k, cr, dr): not a GPR.
	 * Names are interned so that pointers stay valid. */
	for (int i = 0; i < nother; i++)
		if (eq(other[i].name, s, len))
			return &other[i];
	if (nother == 64 || len > 15 || !other_class(s, len))
		return NULL;
	char *copy = strndup(s, (size_t)len);
	other[nother] = (struct reg){ copy, FAM_NONE, 0, false };
	return &other[nother++];
}

const char *reg_name(int family, int width)
{
	for (int w = 0; w < 4; w++)
		if (widths[w] == width)
			return names[w][family];
	return "?";
}
