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

#endif
