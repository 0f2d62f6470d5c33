/*
 * deps.c - box paths of names, and the check that every DT_NEEDED
 * library of the embedded ELF files is in the box (embed.h).
 *
 * ld-musl never opens its own names ("libc.", "libpthread.", "librt.",
 * "libm.", "libdl.", "libutil.", "libxnet." followed by anything: see
 * load_library in musl's ldso/dynlink.c), so those are provided by the
 * libc whatever it is. Any other name is looked up where ld-musl would
 * open it in the box: a plain name in /lib (no LD_LIBRARY_PATH is set,
 * /etc/ld-musl-x86_64.path does not exist, so the search is
 * /lib:/usr/local/lib:/usr/lib and only /lib holds files), a name with
 * '/' as a path from the box's working directory, /.
 */
#define _GNU_SOURCE
#include "embed.h"

#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The box path, canonical as the runtime makes it ("//" is "/"). */
char *embed_box_path(const char *name)
{
	size_t n = strlen(name), at;
	char *p;

	if (!n || name[n - 1] == '/' || n > PATH_MAX - 8 ||
	    !(p = malloc(n + 6)))
		return NULL;
	strcpy(p, strchr(name, '/') ? "/" : "/lib/");
	at = strlen(p);
	for (const char *c = name; *c;) {
		size_t len = strcspn(c, "/");
		if ((len == 1 && c[0] == '.') || (len == 2 && !memcmp(c, "..", 2)) ||
		    len > NAME_MAX) {
			free(p);	/* no "." or ".." component */
			return NULL;
		}
		if (len) {
			if (p[at - 1] != '/')
				p[at++] = '/';
			memcpy(p + at, c, len);
			at += len;
		}
		c += len;
		while (*c == '/')
			c++;
	}
	p[at] = '\0';
	return p;
}

static int libc_name(const char *name)
{
	static const char *const own[] = { "c.", "pthread.", "rt.", "m.", "dl.",
					    "util.", "xnet." };

	if (strncmp(name, "lib", 3))
		return 0;
	for (size_t i = 0; i < sizeof own / sizeof *own; i++)
		if (!strncmp(name + 3, own[i], strlen(own[i])))
			return 1;
	return 0;
}

/* Calls fn(tag's string, ctx) for each DT_NEEDED (tag DT_NEEDED) or the
   DT_SONAME; stops at the first non-zero return. -1 when the bytes are
   no ELF file with a dynamic section (not an error for data files). */
static int each_dyn(const uint8_t *bytes, size_t size, Elf64_Sxword tag,
		    int (*fn)(const char *, void *), void *ctx)
{
	Elf *e;
	Elf_Scn *scn = NULL;
	int ret = -1;

	elf_version(EV_CURRENT);
	if (!(e = elf_memory((char *)bytes, size)) || elf_kind(e) != ELF_K_ELF) {
		elf_end(e);
		return -1;
	}
	while (ret <= 0 && (scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;
		GElf_Dyn dyn;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNAMIC ||
		    !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		ret = 0;
		for (size_t i = 0; !ret && i < sh.sh_size / sh.sh_entsize; i++) {
			const char *s;
			if (gelf_getdyn(d, i, &dyn) && dyn.d_tag == tag &&
			    (s = elf_strptr(e, sh.sh_link, dyn.d_un.d_val)))
				ret = fn(s, ctx);
		}
	}
	elf_end(e);
	return ret;
}

static int keep_name(const char *s, void *ctx)
{
	*(char **)ctx = strdup(s);
	return 1;
}

char *embed_soname(const uint8_t *bytes, size_t size)
{
	char *name = NULL;

	each_dyn(bytes, size, DT_SONAME, keep_name, &name);
	return name;
}

struct need {
	const struct embed *e;
	const struct embed_file *by;
};

/* 0 when `name` is in the box, else one line and 1 (stops the walk). */
static int provided(const char *name, void *ctx)
{
	const struct need *n = ctx;
	char *box = embed_box_path(name);
	int found = libc_name(name);

	for (size_t i = 0; box && !found && i < n->e->n; i++)
		found = !strcmp(n->e->f[i].box, box);
	free(box);
	if (found)
		return 0;
	fprintf(stderr, "sobox: %s: needs %s, which is not in the box: add -map %s=PATH\n",
		n->by->host, name, name);
	return 1;
}

int embed_check_needed(const struct embed *e)
{
	for (size_t i = 0; i < e->n; i++) {
		struct need n = { e, &e->f[i] };
		if (e->f[i].role != EMBED_INPUT && e->f[i].role != EMBED_MAP)
			continue;
		if (each_dyn(e->f[i].bytes, e->f[i].size, DT_NEEDED, provided, &n) > 0)
			return -1;
	}
	return 0;
}
