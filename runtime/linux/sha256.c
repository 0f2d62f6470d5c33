/* SHA-256 for memory files (memfile.c): nettle's (Debian's nettle-dev),
   linked in from the static libnettle.a (runtime.mk joins the members
   this file needs and makes every symbol but lfi_sha256 local), so a
   .box.so needs no libnettle.so and cannot clash with an application's
   own nettle. Not hand-written: a digest that is the trusted base's
   reason to skip the verifier must come from a tested implementation. */
#include "files.h"

#include <nettle/sha2.h>

void lfi_sha256(const void *data, size_t size, uint8_t out[LFI_SHA256_SIZE])
{
	struct sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, size, data);
	sha256_digest(&c, SHA256_DIGEST_SIZE, out);
}
