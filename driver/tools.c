/* Where the helper programs are: lfi-rewrite and lfi-verify next to the
   driver's own executable (/proc/self/exe), unless LFI_REWRITE /
   LFI_VERIFY name them; the host compiler and assembler from PATH, unless
   LFI_HOST_CC / LFI_HOST_AS name them. */
#include "driver.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *beside_self(const char *env, const char *name)
{
	const char *e = getenv(env);
	if (e && *e)
		return e;
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return name; /* fall back to PATH */
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	if (slash)
		*slash = '\0';
	return xasprintf("%s/%s", self, name);
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
