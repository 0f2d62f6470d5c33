/* x86_64-lfi-linux-musl-gcc: shared types of the driver (compile side). */
#ifndef LFI_DRIVER_H
#define LFI_DRIVER_H

#include <stdbool.h>
#include <stddef.h>

#define PROG "x86_64-lfi-linux-musl-gcc"
#define DRIVER_VERSION "0.1"

/* A growable NULL-terminated argument vector. */
struct argv {
	char **v;
	size_t n, cap;
};
void av_push(struct argv *a, const char *s);
void av_pushv(struct argv *a, const struct argv *b);
void av_free(struct argv *a);

enum mode { MODE_LINK, MODE_COMPILE /* -c */, MODE_ASM /* -S */, MODE_PREPROCESS /* -E, -M, -MM */ };

enum lang {
	LANG_NONE,   /* -x none: by extension */
	LANG_C,      /* .c */
	LANG_CPP_OUT,/* .i */
	LANG_ASM,    /* .s */
	LANG_ASM_CPP,/* .S .sx */
	LANG_OBJECT, /* anything else: linker input */
};

struct input {
	const char *path;   /* "-" is stdin */
	enum lang lang;
	size_t link_pos;    /* goes before linkflags.v[link_pos] when linking */
};

/* What kind of file a link makes (-shared, -static/-static-pie, -r). */
enum link_kind { LINK_DYNAMIC_PIE, LINK_STATIC_PIE, LINK_SHARED, LINK_RELOCATABLE };

struct options {
	enum mode mode;
	const char *output;          /* -o, or NULL */
	struct input *inputs;
	size_t ninputs;
	struct argv cflags;          /* to gcc -S / gcc -E, in order */
	struct argv asflags;         /* -Wa, / -Xassembler: to as */
	struct argv linkflags;       /* ld arguments from -l -L -Wl, ..., in order */
	enum link_kind link_kind;
	bool nostartfiles;           /* -nostartfiles, -nostdlib */
	bool nodefaultlibs;          /* -nodefaultlibs, -nostdlib: no -lc, no builtins */
	bool nolibc;                 /* -nolibc: builtins, but no -lc */
	bool print_libgcc;           /* -print-libgcc-file-name */
	bool strip;                  /* -s: strip the output once it is checked */
	bool nostdinc;               /* -nostdinc: no sysroot or gcc headers */
	bool verbose;                /* -v */
	bool version;                /* --version */
	bool dep_md;                 /* -MD or -MMD seen */
	bool dep_mf;                 /* -MF seen */
	bool dep_mt;                 /* -MT or -MQ seen */
	const char *print_file_name; /* -print-file-name=X */
	const char *print_prog_name; /* -print-prog-name=X */
	bool dumpmachine, dumpversion;
};

/* args.c: classify a gcc command line. Returns 0, or prints one error line
   and returns 1. */
int parse_args(int argc, char **argv, struct options *o);

/* tools.c: where the helper programs and the sysroot are. */
const char *tool_rewrite(void);
const char *tool_verify(void);
const char *tool_cc(void);
const char *tool_as(void);
const char *tool_ld(void);
const char *tool_strip(void);
const char *host_cc_include(void);	/* gcc's own include dir, or NULL */
const char *sysroot_dir(void);
char *sysroot_lib(const char *name);	/* sysroot_dir()/lib/name */

#define DYNAMIC_LINKER "/lib/ld-musl-x86_64.so.1"
#define BUILTINS_LIB "libbuiltins.a"

/* run.c: run a command (fork/execvp/waitpid). stdin_path/stdout_path/
   stderr_path redirect the child's streams when not NULL. Returns the exit
   status, 128+N when killed by signal N, 127 when it could not be run. */
extern bool run_verbose;
int run(const struct argv *cmd, const char *stdin_path, const char *stdout_path,
	const char *stderr_path);

/* tmp.c: temporary files. Everything here is removed at exit unless
   tmp_keep() claimed it (after renaming it into place). */
const char *tmp_dir(void);                 /* private directory, made on first use */
char *tmp_path(const char *base);          /* tmp_dir()/base (malloc'd) */
char *tmp_beside(const char *final);       /* unique temp file next to final */
void tmp_forget(const char *path);         /* no longer ours (renamed) */
void tmp_cleanup(void);
int rename_into_place(const char *tmp, const char *final);

/* compile.c */
int compile_input(const struct options *o, const struct input *in);
int compile_for_link(const struct options *o, const struct input *in, char **obj);
int preprocess_all(const struct options *o);
/* lfi-verify --first FILE; on rejection one error line
   "SUBJECT: lfi-verify rejected WHAT: message" with FILE shown as `shown`.
   `scratch` is a directory for its output. Returns the verifier's status. */
int verify_output(const char *subject, const char *what, const char *file,
		  const char *shown, const char *scratch);

/* link.c: compile what needs compiling, link, check, verify. */
int link_all(const struct options *o);

/* postlink.c: refuse what the verifier cannot see (not PIE, PLT
   sections, misaligned code addresses, relocated code), and fill the gaps
   of executable segments with int3. Each returns 0, or prints one error
   line about `shown` and returns 1. */
int postlink_check(const char *path, const char *shown);
int postlink_fill(const char *path, const char *shown);

/* util */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *base_name(const char *path);
char *replace_ext(const char *path, const char *ext); /* basename, ext swapped */

#endif
