/*
 * boxrt.h - what sobox's generated code calls in build/lib/libsoboxrt.a
 * (boxrt.c). Both are hidden inside the .box.so.
 */
#ifndef SOBOX_BOXRT_H
#define SOBOX_BOXRT_H

#include <stddef.h>
#include <stdint.h>

/* A file embedded in the .box.so (sobox/embed.c), seen by the box at
   `path` as a read-only memory file (runtime/linux/memfile.c). */
struct sobox_file {
	const char *path;
	const uint8_t *bytes;	/* in the .box.so's rodata */
	size_t size;
	const uint8_t *digest;	/* SHA-256 sobox stored after verifying its
				   code; NULL for a file without code */
};

/* Where the stub program is in the box (sobox puts it there). */
#define SOBOX_STUB_PATH "/sobox/stub"

/*
 * Makes the library's box: its name space holds the `nfiles` files and
 * nothing else, runs the stub program (at SOBOX_STUB_PATH) through
 * ld-musl until it hands over its table of `nexports` function
 * addresses, and maps the stack and return stub of calls. `name` is used
 * in messages. 0, or -1 after one line on stderr (every call then
 * returns -1). Environment: SOBOX_VERIFY_ALL=1 ignores the digests (all
 * code verified at load); SOBOX_VERBOSE=1 prints one line when the box
 * is ready (the time it took, the bytes of code verified and
 * preverified) and one when the library unloads (the totals by then).
 */
int sobox_init(const char *name, const struct sobox_file *files, size_t nfiles,
	       size_t nexports);

/* Calls export `i` with six integer arguments; its %rax, or -1 after
   one line on stderr when the call cannot be made or faulted. */
long sobox_call(unsigned i, long a, long b, long c, long d, long e, long f);

#endif
