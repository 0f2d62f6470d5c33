/*
 * embed.h - the files a .box.so carries (embed.c) and the check that
 * every DT_NEEDED library is among them (deps.c).
 *
 * Box paths: a NAME without '/' lives in /lib (where ld-musl looks for
 * DT_NEEDED names), an absolute NAME is that path, a relative NAME with
 * '/' is below / (the box's working directory, as ld-musl resolves such
 * a DT_NEEDED name). INPUT is at the box path of its SONAME (its file
 * name without one), the sysroot's libc.so at /lib/ld-musl-x86_64.so.1
 * and /lib/libc.so unless a -map gives those names, the stub at
 * SOBOX_STUB_PATH.
 *
 * Every file is read once; sobox verifies the executable segments of
 * each ELF file exactly as the runtime's loader would lay them out and
 * stores the SHA-256 of the whole file; the bytes it read, verified and
 * hashed are the ones it writes to DIR/embed-N and embeds, so the digest
 * always describes what is embedded.
 */
#ifndef SOBOX_EMBED_H
#define SOBOX_EMBED_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define EMBED_DIGEST_SIZE 32

enum embed_role { EMBED_INPUT, EMBED_LIBC, EMBED_MAP, EMBED_STUB };

struct embed_file {
	char *box;		/* path in the box, canonical */
	char *host;		/* where sobox read it (messages) */
	enum embed_role role;
	uint8_t *bytes;
	size_t size;
	size_t copy;		/* N of DIR/embed-N, shared by equal host paths */
	int code;		/* ELF with verified code: digest stored */
	uint8_t digest[EMBED_DIGEST_SIZE];
};

struct embed {
	struct embed_file *f;
	size_t n, cap;
	size_t ncopies;		/* DIR/embed-0 ... */
	char **maps;		/* the -map NAME=PATH arguments, in order */
	size_t nmaps;
};

/* Records -map NAME=PATH (read later by embed_collect). 0, or -1 after
   one line on stderr for a malformed argument. */
int embed_add_map(struct embed *e, const char *arg);

/* Reads INPUT (box path from its SONAME), the default libc (`libc`, the
   sysroot's libc.so) and every -map; verifies and hashes them, writes
   their copies into `dir` and checks that the box paths do not clash.
   0, or -1 after one line naming the file and the reason. */
int embed_collect(struct embed *e, const char *dir, const char *input,
		  const char *libc);

/* Adds the built stub (`path`) at SOBOX_STUB_PATH, like embed_collect. */
int embed_add_stub(struct embed *e, const char *dir, const char *path);

/* What the stub's link needs to find INPUT and its DT_NEEDED libraries:
   `-L` of a directory where every /lib file is linked under its name,
   and INPUT's link argument (-l:NAME, or its copy's path with a SONAME,
   which then becomes the stub's DT_NEEDED name as it is). */
int embed_link_args(const struct embed *e, const char *dir, char *libdir,
		    char *lib, size_t size);

/* The C of the generated box.c that embeds every file: their bytes
   (.incbin of the copies) and `static const struct sobox_file
   sobox_files[]`, `sobox_nfiles` (boxrt.h's struct). */
void embed_write_c(FILE *f, const struct embed *e, const char *dir);

/* Removes what embed_collect and embed_link_args wrote into dir. */
void embed_remove(const struct embed *e, const char *dir);

/* deps.c: every DT_NEEDED name of INPUT and of every -map'ed ELF file is
   libc's own (libc.so, libm.so, ..., which ld-musl never opens) or the
   name of an embedded file; otherwise one line, e.g.
     sobox: libfirst.lfi.so: needs libsecond.lfi.so.1, which is not in
     the box: add -map libsecond.lfi.so.1=PATH
   and -1. */
int embed_check_needed(const struct embed *e);

/* deps.c: the SONAME of an ELF file in memory, malloc'ed; NULL when it
   has none (or on a malformed dynamic section). */
char *embed_soname(const uint8_t *bytes, size_t size);

/* deps.c: the box path of a name (the rules above), malloc'ed; NULL for
   a name no box path can have ("", "..", a trailing '/', too long). */
char *embed_box_path(const char *name);

#endif
