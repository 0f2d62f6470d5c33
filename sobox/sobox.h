/*
 * sobox.h - what the parts of the sobox tool share: the options, the
 * input's exports with their symbol versions, and the helpers that read
 * the input and write the version files.
 *
 *   options.c   the command line, the defaults derived from INPUT, OUT's check
 *   input.c     INPUT: kind, LFI note, verifier, exports, versions, data objects
 *   archive.c   a static archive linked into a temporary .lfi.so
 *   versions.c  the version script, symver.s, the stub's table entries
 *   util.c      fail(), create()/finish() of generated files, run()
 */
#ifndef SOBOX_SOBOX_H
#define SOBOX_SOBOX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct embed;

struct opts {
	const char *input, *out, *dir, *cc;
	int verbose;
	int show_exports;
	int lazy;		/* -lazy: the box is made at the first call */	/* -show-exports */
	char **maps;		/* -map NAME=PATH as given, n_maps of them */
	struct embed *embed;	/* embed.h: -map, then every embedded file */
	size_t n_maps;
	char **only;		/* -export names (split at commas); none: all */
	size_t n_only;
	/* Unless given, set_defaults() and set_soname() fill these: */
	const char *lib;	/* -lib: prefix of the box API (a C identifier) */
	const char *soname;	/* -soname: OUT's DT_SONAME */
	/* The shared object that is boxed: INPUT, or the .lfi.so that
	   link_archive() made from it in the work directory. */
	const char *so;
};

/*
 * The functions OUT exports: one entry per (name, version) of INPUT's
 * .dynsym, in its order. `name` stays a plain array of names (sig.c and
 * the stub take it as it is); the other arrays run parallel to it.
 *
 * A trampoline for entry i defines the host symbol sym[i]: the name
 * itself, except for a non-default version (name@version, `hidden`),
 * where it is sobox_v<i>_<name>, which symver.s (write_symver) renames
 * to name@version. The version script puts every default entry into its
 * node; unversioned entries stay in the base version, like INPUT's.
 */
struct exports {
	char **name;
	char **sym;		/* host symbol of the trampoline (above) */
	char **version;		/* version node; NULL: unversioned (base) */
	unsigned char *hidden;	/* 1: name@version, not the default */
	uint64_t *value;	/* st_value: the function's address in INPUT */
	size_t n, cap;
	/* INPUT's version nodes (.gnu.version_d without the base), in
	   order, each with its parents as written in a version script
	   ("A" or "A B"), NULL for none. */
	char **node, **parents;
	size_t n_nodes;
	char *soname;		/* INPUT's DT_SONAME; NULL: none */
	/* A function of INPUT at its default version: the stub reaches a
	   non-default entry as anchor + (value - anchor_value), because
	   ld-musl does not look up non-default versions. */
	char *anchor;
	uint64_t anchor_value;
};

/* util.c */
/* "sobox: FILE: reason" on stderr; returns -1. */
int fail(const char *file, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Opens dir/name for writing (its path into `path`, PATH_MAX bytes);
   NULL after a message. finish() closes it: 0, or -1 after a message. */
FILE *create(const char *dir, const char *name, char *path);
int finish(FILE *f, const char *path);
/* Runs argv (shown with -V); 0 when it exits with 0. */
int run(const struct opts *o, char *const argv[]);
/* The same, its stderr into the file err_path. */
int run_logged(const struct opts *o, char *const argv[], const char *err_path);
/* A C identifier: what a trampoline or the box API can be named. */
int c_name(const char *s);
/* s as a C string literal into f; `for_asm` escapes it for an assembler
   string inside that literal first (.incbin "..."). */
void c_literal(FILE *f, const char *s, int for_asm);

/* options.c */
/* -1: go on; otherwise the exit status (0 after --help, 2 bad usage). */
int parse_options(int argc, char **argv, struct opts *o);
/* OUT and -lib from INPUT's file name, unless given. */
int set_defaults(struct opts *o);
/* -soname from INPUT's SONAME without ".lfi" (none: OUT's file name). */
int set_soname(struct opts *o, const struct exports *x);
/* OUT can be written (its directory takes a file, it is no directory)
   and is not INPUT. */
int check_out(const struct opts *o);

/* input.c */
/* Reads INPUT (a .lfi.so, or a .a linked in `dir` by the driver in
   `tool_dir`) into x, sets o->so; -1 after one line. */
int read_input(struct opts *o, const char *dir, const char *tool_dir,
	       struct exports *x);

/* archive.c */
/* Links the archive INPUT into dir/lib<NAME>.lfi.so; its path in `so`
   (PATH_MAX bytes). -1 after one line naming INPUT. */
int link_archive(const struct opts *o, const char *dir, const char *tool_dir,
		 char *so);

/* versions.c */
/* dir/exports.map: INPUT's version nodes with the default entries
   (everything else of default visibility, the box API among it, stays
   in the base version). */
int write_version_script(const char *dir, const struct exports *x, char *path);
/* dir/symver.s: .symver for each non-default entry; to be .include'd
   by the file that defines the trampolines. */
int write_symver(const char *dir, const struct exports *x, char *path);
/* The stub's declarations, and the table entry (an expression) of i. */
void stub_decls(FILE *f, const struct exports *x);
void stub_entry(FILE *f, const struct exports *x, size_t i);

/* generate.c: stub.c, box.c, tramp.S, api.c and PREFIX_box.h in dir
   (the last file's path in `path`); 0, or -1 after one line. */
struct embed;
struct sobox_sig;
int write_stub(const char *dir, const struct exports *x, char *path);
int write_host(const char *dir, const char *out_name, const struct embed *e,
	       const struct exports *x, int lazy, char *path);
int write_tramps(const char *dir, const struct exports *x,
		 const struct sobox_sig *sigs, char *path);
int write_api(const char *dir, const char *prefix, char *path);

#endif
