/* Shared by postlink.c (the sequence, int3 fill, PLT) and codeptr.c (code
   addresses that must be bundle-aligned, and code the loader would have
   to write). */
#ifndef LFI_POSTLINK_H
#define LFI_POSTLINK_H

#include <gelf.h>
#include <stdbool.h>
#include <stdint.h>

#define BUNDLE 32
/* ld makes one code segment (two with unusual scripts); more is refused */
#define MAX_SEGMENTS 16

struct segment {
	uint64_t vaddr, memsz, offset, filesz;
};

struct image {
	Elf *elf;
	int fd;
	const char *shown;
	struct segment code[MAX_SEGMENTS];
	size_t ncode;
};

bool in_code(const struct image *im, uint64_t addr);

/* One error line about the output; returns 1. */
__attribute__((format(printf, 2, 3)))
int postlink_fail(const struct image *im, const char *fmt, ...);

/* codeptr.c: every address in code that something jumps to indirectly
   is bundle-aligned, and nothing relocates code. 0 or 1 (reported). */
int check_code_pointers(const struct image *im);

#endif
