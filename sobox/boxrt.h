/*
 * boxrt.h - what sobox's generated code calls in build/lib/libsoboxrt.a
 * (boxrt.c). Both are hidden inside the .box.so.
 */
#ifndef SOBOX_BOXRT_H
#define SOBOX_BOXRT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Makes the library's box: maps the host directory `lib_dir` (where the
 * .lfi.so is) at /sobox and `sysroot_lib` at /lib, both read-only, runs
 * the stub program `stub` through ld-musl until it hands over its table
 * of `nexports` function addresses, and maps the stack and return stub
 * of calls. `name` is used in messages. 0, or -1 after one line on
 * stderr (every call then returns -1).
 */
int sobox_init(const char *name, const uint8_t *stub, size_t stub_size,
	       const char *lib_dir, const char *sysroot_lib, size_t nexports);

/* Calls export `i` with six integer arguments; its %rax, or -1 after
   one line on stderr when the call cannot be made or faulted. */
long sobox_call(unsigned i, long a, long b, long c, long d, long e, long f);

#endif
