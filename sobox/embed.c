/*
 * embed.c - the files a .box.so carries (embed.h): read once, code
 * verified as the runtime would, SHA-256 stored, copies written for the
 * assembler's .incbin, and the table the generated box.c hands to
 * sobox_init (boxrt.h).
 */
#define _GNU_SOURCE
#include "embed.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "boxrt.h"		/* SOBOX_STUB_PATH */
#include "sobox.h"		/* fail, c_literal */
#include "lfi_verify.h"

#define PAGE 4096ULL
#define INT3 0xcc

int embed_add_map(struct embed *e, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char **m;

	if (!eq || eq == arg || !eq[1])
		return fail(arg, "-map wants NAME=PATH");
	if (!(m = realloc(e->maps, (e->nmaps + 1) * sizeof *m)) ||
	    !(m[e->nmaps] = strdup(arg)))
		return fail(arg, "%s", strerror(ENOMEM));
	e->maps = m;
	e->nmaps++;
	return 0;
}

/* --- reading ---------------------------------------------------------- */

static uint8_t *read_file(const char *path, size_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	uint8_t *buf = NULL;
	size_t got = 0;

	if (fd < 0 || fstat(fd, &st) < 0)
		goto out;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		goto out;
	}
	if (!(buf = malloc(st.st_size ? st.st_size : 1)))
		goto out;
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, st.st_size - got);
		if (n <= 0) {
			errno = n ? errno : EIO;
			free(buf);
			buf = NULL;
			goto out;
		}
		got += n;
	}
	*size = got;
out:
	if (fd >= 0)
		close(fd);
	return buf;
}

/* --- verifying, as runtime/linux/load.c lays out code ---------------- */

struct first_error {
	char text[512];
};

static void note_error(const struct lfi_error *err, void *ctx)
{
	struct first_error *f = ctx;

	snprintf(f->text, sizeof f->text, "0x%llx: `%s`: %s %s: %s%s%s%s",
		 (unsigned long long)err->address, err->insn,
		 lfi_reason_rule(err->reason), lfi_reason_name(err->reason),
		 lfi_reason_text(err->reason), err->detail[0] ? " (" : "",
		 err->detail, err->detail[0] ? ")" : "");
}

/* One executable PT_LOAD: its pages from page_down(p_vaddr), int3 where
   the file has no bytes, verified at its link address (the verifier's
   answer depends only on the offset within the page, which the runtime
   keeps). 0, or -1 after the verifier's first complaint. */
static int verify_segment(const struct embed_file *f, const Elf64_Phdr *ph,
			  const struct lfi_verifier *v)
{
	uint64_t start = ph->p_vaddr & ~(PAGE - 1);
	uint64_t len = ((ph->p_vaddr + ph->p_memsz + PAGE - 1) & ~(PAGE - 1)) - start;
	struct first_error first = { "" };
	struct lfi_verify_options opt = { .on_error = note_error, .ctx = &first };
	uint8_t *buf = malloc(len);
	long n;

	if (!buf)
		return fail(f->host, "%s", strerror(ENOMEM));
	memset(buf, INT3, len);
	memcpy(buf + (ph->p_vaddr - start), f->bytes + ph->p_offset, ph->p_filesz);
	n = lfi_verify(v, buf, len, start, &opt, NULL);
	free(buf);
	if (n < 0)
		return fail(f->host, "%s", strerror(ENOMEM));
	return n ? fail(f->host, "%s", first.text) : 0;
}

static int fits(uint64_t off, uint64_t len, size_t size)
{
	return off <= size && len <= size - off;
}

/* The program headers of an x86-64 ELF64 file, or NULL (data). */
static const Elf64_Phdr *phdrs(const struct embed_file *f, int *n)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)f->bytes;

	if (f->size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_machine != EM_X86_64 ||
	    eh->e_phentsize != sizeof(Elf64_Phdr) ||
	    !fits(eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr), f->size))
		return NULL;
	*n = eh->e_phnum;
	return (const Elf64_Phdr *)(f->bytes + eh->e_phoff);
}

/* Verifies every executable segment of an ELF file; f->code tells
   whether it had any (a digest is worth storing). */
static int verify_code(struct embed_file *f, const struct lfi_verifier *v)
{
	int n = 0;
	const Elf64_Phdr *ph = phdrs(f, &n);

	f->code = 0;
	for (int i = 0; ph && i < n; i++) {
		if (ph[i].p_type != PT_LOAD || !(ph[i].p_flags & PF_X))
			continue;
		if (!fits(ph[i].p_offset, ph[i].p_filesz, f->size) ||
		    ph[i].p_filesz > ph[i].p_memsz || ph[i].p_memsz > (1ULL << 32) ||
		    ph[i].p_vaddr > (1ULL << 32))
			return fail(f->host, "malformed executable segment %d", i);
		if (verify_segment(f, &ph[i], v))
			return -1;
		f->code = 1;
	}
	return 0;
}

/* --- collecting ------------------------------------------------------- */

/* The entry at box path `box`, or NULL. */
static struct embed_file *at_path(struct embed *e, const char *box)
{
	for (size_t i = 0; i < e->n; i++)
		if (!strcmp(e->f[i].box, box))
			return &e->f[i];
	return NULL;
}

/* The copy ld and the assembler read: DIR/embed-N. */
static int write_copy(const struct embed_file *f, const char *dir, size_t index)
{
	char path[PATH_MAX];
	FILE *out;

	snprintf(path, sizeof path, "%s/embed-%zu", dir, index);
	if (!(out = fopen(path, "w")))
		return fail(path, "%s", strerror(errno));
	fwrite(f->bytes, 1, f->size, out);
	if (ferror(out) | fclose(out))
		return fail(path, "cannot write");
	return 0;
}

/* Reads, verifies, hashes and copies a file (once per host path). */
static int load(struct embed *e, struct embed_file *f, const char *dir)
{
	struct lfi_verifier *v;
	struct sha256_ctx c;
	int err;

	for (size_t i = 0; i < e->n; i++)
		if (&e->f[i] != f && e->f[i].bytes && !strcmp(e->f[i].host, f->host)) {
			f->copy = e->f[i].copy;
			f->bytes = e->f[i].bytes;
			f->size = e->f[i].size;
			f->code = e->f[i].code;
			memcpy(f->digest, e->f[i].digest, sizeof f->digest);
			return 0;
		}
	f->copy = e->ncopies++;
	if (!(f->bytes = read_file(f->host, &f->size)))
		return fail(f->host, "%s", strerror(errno));
	if (!(v = lfi_verifier_new()))
		return fail(f->host, "%s", strerror(ENOMEM));
	err = verify_code(f, v);
	lfi_verifier_free(v);
	sha256_init(&c);
	sha256_update(&c, f->size, f->bytes);
	sha256_digest(&c, sizeof f->digest, f->digest);
	return err ? -1 : write_copy(f, dir, f->copy);
}

/* Adds (or, for a -map of a default's path, replaces) an entry. */
static int add(struct embed *e, const char *dir, const char *box, const char *host,
	       enum embed_role role)
{
	struct embed_file *f = at_path(e, box);

	if (f && !(f->role == EMBED_LIBC && role == EMBED_MAP))
		return fail(host, "box path %s given twice%s", box,
			    f->role == EMBED_INPUT ? " (it is INPUT's)" :
			    f->role == EMBED_STUB ? " (it is the stub's)" : "");
	if (!f) {
		if (e->n == e->cap) {
			size_t cap = e->cap ? 2 * e->cap : 8;
			struct embed_file *n = realloc(e->f, cap * sizeof *n);
			if (!n)
				return fail(host, "%s", strerror(ENOMEM));
			e->f = n;
			e->cap = cap;
		}
		f = &e->f[e->n++];
		*f = (struct embed_file){ 0 };
		if (!(f->box = strdup(box)))
			return fail(host, "%s", strerror(ENOMEM));
	}
	/* a replaced default's bytes stay: another path may share them */
	*f = (struct embed_file){ .box = f->box, .host = strdup(host), .role = role };
	if (!f->host)
		return fail(host, "%s", strerror(ENOMEM));
	return load(e, f, dir);
}

/* A file at /a and another at /a/b cannot both be: /a is a file. */
static int check_paths(const struct embed *e)
{
	for (size_t i = 0; i < e->n; i++)
		for (size_t j = 0; j < e->n; j++) {
			size_t n = strlen(e->f[i].box);
			if (i != j && !strncmp(e->f[i].box, e->f[j].box, n) &&
			    e->f[j].box[n] == '/')
				return fail(e->f[j].host, "box path %s lies below the file %s",
					    e->f[j].box, e->f[i].box);
		}
	return 0;
}

static int add_map(struct embed *e, const char *dir, char *arg)
{
	char *eq = strchr(arg, '='), *box;
	int err;

	*eq = '\0';
	if (!(box = embed_box_path(arg)))
		return fail(eq + 1, "-map %s: no box path can have this name", arg);
	err = !strcmp(box, SOBOX_STUB_PATH) ?
		fail(eq + 1, "-map %s: %s is the stub's", arg, box) :
		add(e, dir, box, eq + 1, EMBED_MAP);
	free(box);
	return err;
}

int embed_collect(struct embed *e, const char *dir, const char *input,
		  const char *libc)
{
	const char *file = strrchr(input, '/') ? strrchr(input, '/') + 1 : input;
	char *name, *box;
	int err;

	/* at the stub's path until its SONAME is known */
	if (add(e, dir, SOBOX_STUB_PATH, input, EMBED_INPUT))
		return -1;
	name = embed_soname(e->f[0].bytes, e->f[0].size);
	box = embed_box_path(name ? name : file);
	if (!box || !strcmp(box, SOBOX_STUB_PATH)) {
		fail(input, "no box path can have its %s `%s`",
		     name ? "SONAME" : "file name", name ? name : file);
		free(name);
		free(box);
		return -1;
	}
	free(name);
	free(e->f[0].box);
	e->f[0].box = box;
	err = add(e, dir, "/lib/ld-musl-x86_64.so.1", libc, EMBED_LIBC) ||
	      add(e, dir, "/lib/libc.so", libc, EMBED_LIBC);
	for (size_t i = 0; !err && i < e->nmaps; i++)
		err = add_map(e, dir, e->maps[i]);
	return err || check_paths(e) ? -1 : 0;
}

int embed_add_stub(struct embed *e, const char *dir, const char *path)
{
	return add(e, dir, SOBOX_STUB_PATH, path, EMBED_STUB);
}

/* The /lib entries' names (X of /lib/X), or NULL. */
static const char *lib_name(const struct embed_file *f)
{
	const char *name = f->box + 5;

	return !strncmp(f->box, "/lib/", 5) && !strchr(name, '/') ? name : NULL;
}

int embed_link_args(const struct embed *e, const char *dir, char *libdir,
		    char *lib, size_t size)
{
	char path[PATH_MAX], target[64], *soname;

	snprintf(libdir, size, "%s/lib", dir);
	if (mkdir(libdir, 0777) < 0 && errno != EEXIST)
		return fail(libdir, "%s", strerror(errno));
	for (size_t i = 0; i < e->n; i++) {
		const char *name = lib_name(&e->f[i]);
		if (!name)
			continue;
		snprintf(path, sizeof path, "%s/%s", libdir, name);
		snprintf(target, sizeof target, "../embed-%zu", e->f[i].copy);
		unlink(path);
		if (symlink(target, path) < 0)
			return fail(path, "%s", strerror(errno));
	}
	/* with a SONAME, the stub's DT_NEEDED is the SONAME however INPUT
	   is named on the command line; without, -l: gives the file name */
	soname = embed_soname(e->f[0].bytes, e->f[0].size);
	if (soname)
		snprintf(lib, size, "%s/embed-%zu", dir, e->f[0].copy);
	else
		snprintf(lib, size, "-l:%s", lib_name(&e->f[0]));
	free(soname);
	return 0;
}

void embed_remove(const struct embed *e, const char *dir)
{
	char path[PATH_MAX];

	for (size_t i = 0; i < e->n; i++)
		if (lib_name(&e->f[i])) {
			snprintf(path, sizeof path, "%s/lib/%s", dir, lib_name(&e->f[i]));
			unlink(path);
		}
	snprintf(path, sizeof path, "%s/lib", dir);
	rmdir(path);
	for (size_t i = 0; i < e->ncopies; i++) {
		snprintf(path, sizeof path, "%s/embed-%zu", dir, i);
		unlink(path);
	}
}

/* --- generating -------------------------------------------------------- */

/* True for the first entry with its copy (the one that emits it). */
static int first_of_copy(const struct embed *e, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (e->f[j].copy == e->f[i].copy)
			return 0;
	return 1;
}

void embed_write_c(FILE *f, const struct embed *e, const char *dir)
{
	char path[PATH_MAX];

	fprintf(f, "/* the box's files (sobox/embed.c; struct as in sobox/boxrt.h) */\n"
		   "struct sobox_file {\n\tconst char *path;\n\tconst uint8_t *bytes;\n"
		   "\tsize_t size;\n\tconst uint8_t *digest;\n};\n\n");
	for (size_t i = 0; i < e->n; i++)
		if (first_of_copy(e, i))
			fprintf(f, "extern const uint8_t sobox_file%zu[];\n", e->f[i].copy);
	fprintf(f, "__asm__(\".section .rodata\\n\"\n");
	for (size_t i = 0; i < e->n; i++) {
		size_t c = e->f[i].copy;
		if (!first_of_copy(e, i))
			continue;
		snprintf(path, sizeof path, "%s/embed-%zu", dir, c);
		fprintf(f, "\t\".balign 64\\n.globl sobox_file%zu\\n.hidden sobox_file%zu\\n\"\n"
			   "\t\"sobox_file%zu: .incbin \\\"\" ", c, c, c);
		c_literal(f, path, 1);
		fprintf(f, " \"\\\"\\n\"\n");
	}
	fprintf(f, "\t\".previous\");\n\nstatic const struct sobox_file sobox_files[] = {\n");
	for (size_t i = 0; i < e->n; i++) {
		const struct embed_file *x = &e->f[i];
		fprintf(f, "\t{ ");
		c_literal(f, x->box, 0);
		fprintf(f, ", sobox_file%zu, %zuUL,\n\t  ", x->copy, x->size);
		if (!x->code)
			fprintf(f, "NULL");
		else {
			fprintf(f, "(const uint8_t *)\"");
			for (int k = 0; k < EMBED_DIGEST_SIZE; k++)
				fprintf(f, "\\x%02x", x->digest[k]);
			fprintf(f, "\"");
		}
		fprintf(f, " },\n");
	}
	fprintf(f, "};\n\n");
}
