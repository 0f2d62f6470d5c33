/*
 * tramp.h - the assembly trampolines of a .box.so (tramp.c).
 */
#ifndef SOBOX_TRAMP_H
#define SOBOX_TRAMP_H

#include <stddef.h>
#include <stdio.h>

#include "sig.h"

/* Writes tramp.S for the exports `sigs`: the trampoline of export i is
   the host symbol syms[i] and calls the box address in sobox_fns[i].
   0 or -1 on a write error. */
int sobox_write_trampolines(FILE *f, const struct sobox_sig *sigs,
			    const char *const *syms, size_t n);

/* The most bytes of stack arguments and memory result a trampoline
   places on the thread's call stack (SOBOX_CALL_STACK is 1 MiB, the call
   slot at least half of it above its bottom): a larger signature gets
   the unknown fallback. */
#define SOBOX_MAX_FRAME (64u << 10)
unsigned sobox_frame_size(const struct sobox_sig *s);

#endif
