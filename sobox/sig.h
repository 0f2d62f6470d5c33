/*
 * sig.h - what a trampoline must know of an exported function: how the
 * SysV x86-64 convention places its arguments and result, and which of
 * them are pointers. sig.c reads it from the library's DWARF (libdw).
 *
 * A trampoline forwards the argument registers as the host caller set
 * them, zeroes the others, copies `stack_bytes` of stack arguments to the
 * sandbox stack, checks pointer arguments, and brings the result back.
 */
#ifndef SOBOX_SIG_H
#define SOBOX_SIG_H

#include <stdint.h>
#include <stdio.h>

enum sobox_ret {
	SOBOX_RET_VOID,
	SOBOX_RET_REGS,		/* %rax/%rdx and/or %xmm0/%xmm1 (%ymm0) */
	SOBOX_RET_X87,		/* long double in %st0 (complex: %st0 %st1) */
	SOBOX_RET_MEMORY,	/* through the hidden pointer in %rdi; %rax = it */
};

/* Most pointer arguments on the stack that are checked. */
#define SOBOX_MAX_STACK_PTRS 16

/* Bytes of the caller's stack forwarded for the variadic part. */
#define SOBOX_VARIADIC_STACK 64

struct sobox_sig {
	char *name;
	char *proto;		/* C declaration for -show-exports; NULL: unknown */
	int known;		/* 0: no signature (fallback below) */
	const char *why_unknown;	/* !known: "no DWARF", "not prototyped", ... */
	int variadic;
	/* integer registers taken by arguments, the hidden result pointer
	   (SOBOX_RET_MEMORY) included: %rdi %rsi %rdx %rcx %r8 %r9 */
	unsigned n_int;
	unsigned n_sse;		/* vector registers taken (%xmm0-7), 0..8 */
	int wide;		/* one of them is a whole %ymm (__m256) */
	/* bytes of stack arguments above the return address (multiple of
	   8; variadic: the fixed part + SOBOX_VARIADIC_STACK) */
	unsigned stack_bytes;
	uint8_t int_ptr;	/* bit i: integer register i is a pointer argument */
	uint8_t int_ptrptr;	/* bit i: ... a pointer to a pointer (an out-value) */
	unsigned n_stack_ptrs;	/* pointer arguments on the stack (the first
				   SOBOX_MAX_STACK_PTRS; others go unchecked) */
	unsigned stack_ptr[SOBOX_MAX_STACK_PTRS];	/* their offsets in it */
	enum sobox_ret ret;
	unsigned ret_size;	/* bytes of the result (SOBOX_RET_MEMORY: the
				   hidden pointer's; it is not in int_ptr) */
	int ret_ptr;		/* the result is a pointer (forced into the box) */
	int ret_sse;		/* SOBOX_RET_REGS: vector registers in the result */
};

/*
 * The fallback for a function whose signature is unknown: every argument
 * register forwarded (%al too, as for a variadic call), no stack
 * arguments, no pointer checks, %rax %rdx %xmm0 %xmm1 back
 * (n_int 6, n_sse 8, SOBOX_RET_REGS with ret_sse 2). Keeps s->name,
 * frees s->proto; why_unknown becomes "no DWARF".
 */
void sobox_sig_unknown(struct sobox_sig *s);

/*
 * Fills sigs[i] for names[i], i < n, from the DWARF of the ELF file
 * `path` (the .lfi.so built with -g). A function without a DWARF
 * definition gets sobox_sig_unknown(), and so does one that is not
 * prototyped or has a type sobox cannot classify. 0, or -1 with the
 * reason in `why` (a file that cannot be read, malformed DWARF, no
 * memory; no DWARF at all is not an error). Either way every sigs[i]
 * is then for sobox_sig_free().
 */
int sobox_sigs_read(const char *path, char *const names[], size_t n,
		    struct sobox_sig *sigs, char *why, size_t why_size);

/* One line: "name: proto" and the convention, or "name: unknown ...". */
void sobox_sig_print(FILE *f, const struct sobox_sig *s);

void sobox_sig_free(struct sobox_sig *s);

/*
 * sobox -show-exports: reads the signatures of names[] from `path` and
 * prints one line per export to f. 0, or -1 after one line on stderr
 * ("sobox: PATH: reason").
 */
int sobox_sigs_show(FILE *f, const char *path, char *const names[], size_t n);

#endif
