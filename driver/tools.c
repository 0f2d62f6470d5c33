/* Where the helper programs are: lfi-rewrite and lfi-verify next to the
   driver's own executable (/proc/self/exe), unless LFI_REWRITE /
   LFI_VERIFY name them; the host compiler, assembler, linker and strip
   from PATH, unless LFI_HOST_CC / LFI_HOST_AS / LFI_HOST_LD /
   LFI_HOST_STRIP name them. The sysroot is
   ../sysroot from the driver's directory (build/bin -> build/sysroot),
   unless LFI_SYSROOT names it. */
#include "driver.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* PATH of the driver's directory joined with `rel`, or `rel` alone when
   /proc/self/exe cannot be read. */
static char *from_self(const char *rel)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return xstrdup(rel);
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	if (slash)
		*slash = '\0';
	return xasprintf("%s/%s", self, rel);
}

static const char *beside_self(const char *env, const char *name)
{
	const char *e = getenv(env);
	if (e && *e)
		return e;
	return from_self(name);
}

const char *tool_rewrite(void)
{
	static const char *p;
	return p ? p : (p = beside_self("LFI_REWRITE", "lfi-rewrite"));
}

const char *tool_verify(void)
{
	static const char *p;
	return p ? p : (p = beside_self("LFI_VERIFY", "lfi-verify"));
}

const char *tool_cc(void)
{
	const char *e = getenv("LFI_HOST_CC");
	return e && *e ? e : "gcc";
}

const char *tool_as(void)
{
	const char *e = getenv("LFI_HOST_AS");
	return e && *e ? e : "as";
}

const char *tool_ld(void)
{
	const char *e = getenv("LFI_HOST_LD");
	return e && *e ? e : "ld";
}

const char *tool_strip(void)
{
	const char *e = getenv("LFI_HOST_STRIP");
	return e && *e ? e : "strip";
}

const char *sysroot_dir(void)
{
	static const char *p;
	if (p)
		return p;
	const char *e = getenv("LFI_SYSROOT");
	char *d = e && *e ? xstrdup(e) : from_self("../sysroot");
	char *r = realpath(d, NULL);
	return p = r ? r : d;
}

char *sysroot_lib(const char *name)
{
	return xasprintf("%s/lib/%s", sysroot_dir(), name);
}

/* `gcc -print-file-name=include`, asked once. */
const char *host_cc_include(void)
{
	static const char *dir;
	static bool asked;
	struct argv cmd = {0};
	char *out, line[PATH_MAX];
	FILE *f;

	if (asked)
		return dir;
	asked = true;
	out = tmp_path("cc-include");
	av_push(&cmd, tool_cc());
	av_push(&cmd, "-print-file-name=include");
	if (run(&cmd, NULL, out, NULL) == 0 && (f = fopen(out, "r"))) {
		if (fgets(line, sizeof line, f) && line[0] == '/') {
			line[strcspn(line, "\n")] = '\0';
			dir = xstrdup(line);
		}
		fclose(f);
	}
	av_free(&cmd);
	return dir;
}
