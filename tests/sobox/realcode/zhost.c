/*
 * zlib through libz.box.so. Built twice from this one source: linked
 * against libz.box.so (the box), and with -DNATIVE against a host build
 * of the same zlib source (the reference). Prints
 *   PASS:/FAIL: sobox/realcode/zlib/MODE/NAME   checks of its own
 *   = NAME VALUE                                results the script compares
 *                                               between the two builds
 * How an application passes buffers to a boxed library: every pointer
 * the library follows must point into the box, so the data, the
 * out-parameters (compress2's destLen) and the z_stream itself are
 * allocated there (z_box_malloc/calloc) or copied there (z_box_memdup,
 * z_box_strdup). The host reads and writes box memory directly.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#ifdef NATIVE
/* The native build: the box API is the host's heap. */
static const char *mode = "native";
#define z_box_malloc malloc
#define z_box_calloc calloc
#define z_box_free free
#define z_box_contains(p, n) ((p) != NULL)
static void *z_box_memdup(const void *p, size_t n)
{
	void *q = malloc(n ? n : 1);

	return q ? memcpy(q, p, n) : NULL;
}
static char *z_box_strdup(const char *s)
{
	return z_box_memdup(s, strlen(s) + 1);
}
#else
#include "z_box.h"
static const char *mode = "box";
#endif

static void check(const char *name, int ok)
{
	printf("%s: sobox/realcode/zlib/%s/%s\n", ok ? "PASS" : "FAIL", mode, name);
}

/* FNV-1a: the compressed bytes are compared through this hash. */
static uint64_t fnv(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--)
		h = (h ^ *p++) * 0x100000001b3ULL;
	return h;
}

static uint64_t rng = 88172645463325252ULL;

static uint64_t xorshift(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

#define MIB (1 << 20)

/* compress2 at `level`, uncompress, compare; the compressed bytes' hash
   goes out for the comparison with native zlib. */
static void one_shot(const char *name, const unsigned char *in, size_t n, int level)
{
	char what[96];
	uLong bound = compressBound(n);
	unsigned char *src = z_box_memdup(in, n);
	unsigned char *dst = z_box_malloc(bound);
	unsigned char *back = z_box_malloc(n ? n : 1);
	uLongf *len = z_box_malloc(sizeof *len);	/* an out-parameter: in the box too */
	int rc, rc2;
	uLong clen;

	snprintf(what, sizeof what, "compress2-%s-level%d", name, level);
	if (!src || !dst || !back || !len) {
		check(what, 0);
		return;
	}
	*len = bound;
	rc = compress2(dst, len, src, n, level);
	clen = *len;
	printf("= %s rc %d len %lu fnv %016llx\n", what, rc, clen,
	       (unsigned long long)fnv(dst, clen));
	*len = n;
	rc2 = uncompress(back, len, dst, clen);
	check(what, rc == Z_OK && rc2 == Z_OK && *len == n && memcmp(back, in, n) == 0);
	z_box_free(src);
	z_box_free(dst);
	z_box_free(back);
	z_box_free(len);
}

/* The streaming API, the input fed in chunks of `inchunk` and the output
   taken in chunks of `outchunk`, each chunk copied out to host memory
   (many calls, the z_stream's pointers moving through box buffers).
   windowBits 15: zlib format (deflateInit_); 31: gzip (deflateInit2_,
   eight arguments: two on the stack). Returns the compressed size, the
   bytes in *out (host memory). */
static size_t stream_deflate(const unsigned char *in, size_t n, int level, int wbits,
			     size_t inchunk, size_t outchunk, unsigned char **out)
{
	z_stream *s = z_box_calloc(1, sizeof *s);	/* zalloc/zfree/opaque NULL */
	char *version = z_box_strdup(ZLIB_VERSION);	/* deflateInit's 3rd argument */
	unsigned char *ibuf = z_box_malloc(inchunk), *obuf = z_box_malloc(outchunk);
	size_t done = 0, got = 0, cap = compressBound(n) + 64;
	int rc, flush;

	*out = malloc(cap);
	if (!s || !version || !ibuf || !obuf || !*out)
		return (size_t)-1;
	rc = wbits == 15 ? deflateInit_(s, level, version, (int)sizeof *s)
			 : deflateInit2_(s, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY,
					 version, (int)sizeof *s);
	if (rc != Z_OK)
		return (size_t)-1;
	do {
		size_t k = n - done < inchunk ? n - done : inchunk;

		memcpy(ibuf, in + done, k);	/* the host writes into the box */
		done += k;
		s->next_in = ibuf;
		s->avail_in = (uInt)k;
		flush = done == n ? Z_FINISH : Z_NO_FLUSH;
		do {
			s->next_out = obuf;
			s->avail_out = (uInt)outchunk;
			rc = deflate(s, flush);
			if (rc == Z_STREAM_ERROR || got + outchunk - s->avail_out > cap)
				return (size_t)-1;
			memcpy(*out + got, obuf, outchunk - s->avail_out);
			got += outchunk - s->avail_out;
		} while (s->avail_out == 0);
	} while (flush != Z_FINISH);
	if (rc != Z_STREAM_END || deflateEnd(s) != Z_OK)
		return (size_t)-1;
	z_box_free(s);
	z_box_free(version);
	z_box_free(ibuf);
	z_box_free(obuf);
	return got;
}

/* Inflate `c` (host memory) in chunks; 1 when it gives back exactly in. */
static int stream_inflate(const unsigned char *c, size_t clen, int wbits,
			  const unsigned char *in, size_t n, size_t inchunk, size_t outchunk)
{
	z_stream *s = z_box_calloc(1, sizeof *s);
	char *version = z_box_strdup(ZLIB_VERSION);
	unsigned char *ibuf = z_box_malloc(inchunk), *obuf = z_box_malloc(outchunk);
	size_t done = 0, got = 0;
	int rc = Z_OK, ok = 1;

	if (!s || !version || !ibuf || !obuf)
		return 0;
	if ((wbits == 15 ? inflateInit_(s, version, (int)sizeof *s)
			 : inflateInit2_(s, wbits, version, (int)sizeof *s)) != Z_OK)
		return 0;
	while (rc != Z_STREAM_END && done < clen) {
		size_t k = clen - done < inchunk ? clen - done : inchunk;

		memcpy(ibuf, c + done, k);
		done += k;
		s->next_in = ibuf;
		s->avail_in = (uInt)k;
		do {
			s->next_out = obuf;
			s->avail_out = (uInt)outchunk;
			rc = inflate(s, Z_NO_FLUSH);
			if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
				return 0;
			size_t m = outchunk - s->avail_out;
			if (got + m > n || memcmp(obuf, in + got, m))
				ok = 0;
			got += m;
		} while (s->avail_out == 0 && rc != Z_STREAM_END);
	}
	ok = ok && rc == Z_STREAM_END && got == n && inflateEnd(s) == Z_OK;
	z_box_free(s);
	z_box_free(version);
	z_box_free(ibuf);
	z_box_free(obuf);
	return ok;
}

static void streaming(const char *name, const unsigned char *in, size_t n,
		      int level, int wbits)
{
	char what[96];
	unsigned char *c = NULL;
	size_t clen;

	snprintf(what, sizeof what, "stream-%s-%s-level%d", wbits == 15 ? "zlib" : "gzip",
		 name, level);
	clen = stream_deflate(in, n, level, wbits, 65536, 16384, &c);
	if (clen == (size_t)-1) {
		check(what, 0);
		free(c);
		return;
	}
	printf("= %s len %zu fnv %016llx\n", what, clen, (unsigned long long)fnv(c, clen));
	/* inflate in odd chunk sizes, gzip auto-detected (47) */
	check(what, stream_inflate(c, clen, wbits == 15 ? 15 : 47, in, n, 4093, 7919));
	free(c);
}

/* Host threads: each compresses and checks its own copy of the same
   data at once (a host thread gets its own context in the box at its
   first call); all must give the main thread's bytes. */
struct job {
	const unsigned char *in;
	size_t n;
	uint64_t hash;
	uLong len;
};

static void *compress_job(void *arg)
{
	struct job *j = arg;
	uLongf *len = z_box_malloc(sizeof *len);
	unsigned char *src = z_box_memdup(j->in, j->n), *dst = z_box_malloc(compressBound(j->n));

	j->len = 0;
	for (int k = 0; k < 3 && len && src && dst; k++) {
		*len = compressBound(j->n);
		if (compress2(dst, len, src, j->n, 6) != Z_OK)
			return NULL;
		j->len = *len;
		j->hash = fnv(dst, *len);
	}
	z_box_free(len);
	z_box_free(src);
	z_box_free(dst);
	return NULL;
}

static void threads(const unsigned char *in, size_t n)
{
	struct job jobs[4];
	pthread_t th[4];
	int ok = 1;

	for (int k = 0; k < 4; k++) {
		jobs[k] = (struct job){ in, n, 0, 0 };
		if (k && pthread_create(&th[k], NULL, compress_job, &jobs[k]))
			ok = 0, jobs[k].len = 1;
	}
	compress_job(&jobs[0]);
	for (int k = 1; k < 4; k++)
		if (jobs[k].len != 1)
			pthread_join(th[k], NULL);
	for (int k = 1; k < 4; k++)
		ok = ok && jobs[k].len == jobs[0].len && jobs[k].hash == jobs[0].hash;
	check("threads", ok && jobs[0].len > 0);
	printf("= threads len %lu fnv %016llx\n", jobs[0].len, (unsigned long long)jobs[0].hash);
}

int main(void)
{
	static const char *words[] = { "sandbox ", "library ", "the ", "trampoline ",
				       "zlib ", "deflate ", "of ", "a ", "box ", "\n" };
	static const char text[] = "Hello, hello, hello: a small text to compress "
				   "through the box, hello again.\n";
	unsigned char *rnd = malloc(MIB), *lex = malloc(MIB);
	size_t i = 0;

	if (!rnd || !lex)
		return 1;
	for (size_t k = 0; k < MIB; k++)
		rnd[k] = (unsigned char)(xorshift() >> 29);
	while (i < MIB) {	/* compressible: words in pseudo-random order */
		const char *w = words[xorshift() % 10];
		size_t m = strlen(w);

		memcpy(lex + i, w, i + m <= MIB ? m : MIB - i);
		i += m;
	}

	/* the version string is a box pointer, the same text as native */
	const char *v = zlibVersion();
	check("zlibVersion", v && z_box_contains(v, 7) && strcmp(v, ZLIB_VERSION) == 0);
	printf("= zlibVersion %s\n", v ? v : "(null)");
	printf("= compressBound %lu %lu\n", compressBound(0), compressBound(MIB));

	one_shot("empty", (const unsigned char *)"", 0, 6);
	one_shot("text", (const unsigned char *)text, sizeof text - 1, 6);
	one_shot("text", (const unsigned char *)text, sizeof text - 1, 9);
	one_shot("random", rnd, MIB, 6);
	one_shot("words", lex, MIB, 1);
	one_shot("words", lex, MIB, 6);
	one_shot("words", lex, MIB, 9);
	streaming("empty", (const unsigned char *)"", 0, 6, 15);
	streaming("text", (const unsigned char *)text, sizeof text - 1, 6, 31);
	streaming("random", rnd, MIB, 6, 15);
	streaming("words", lex, MIB, 6, 15);
	streaming("words", lex, MIB, 9, 31);

	threads(lex, MIB);

	/* checksums over box buffers */
	unsigned char *b = z_box_memdup(lex, MIB), *r = z_box_memdup(rnd, MIB);
	uLong c = crc32(0, Z_NULL, 0), a = adler32(0, Z_NULL, 0);

	uLong crc10 = crc32(0, b, 10);
	c = crc32(c, b, MIB);
	c = crc32(c, r, 12345);
	a = adler32(a, b, MIB);
	a = adler32(a, r + 1, 99999);
	printf("= crc32 %08lx adler32 %08lx\n", c, a);
	check("checksums", b && r);

	/* corrupt input: the same error, and strm->msg, set in the box, is a
	   box pointer */
	z_stream *s = z_box_calloc(1, sizeof *s);
	char *version = z_box_strdup(ZLIB_VERSION);
	unsigned char *junk = z_box_memdup("this is not zlib data", 21);
	unsigned char *o = z_box_malloc(64);
	int rc = inflateInit_(s, version, (int)sizeof *s);

	s->next_in = junk;
	s->avail_in = 21;
	s->next_out = o;
	s->avail_out = 64;
	int rc2 = inflate(s, Z_NO_FLUSH);
	printf("= corrupt %d %d %s\n", rc, rc2, s->msg ? s->msg : "(no msg)");
	check("corrupt-input-msg", rc == Z_OK && rc2 == Z_DATA_ERROR && s->msg &&
	      z_box_contains(s->msg, strlen(s->msg) + 1));
	inflateEnd(s);

#ifndef NATIVE
	/* Host pointers are refused (one line each on stderr, the script
	   counts them): a host buffer to crc32, and deflateInit() as the
	   zlib.h macro, which passes the host's ZLIB_VERSION literal. */
	check("host-buffer-refused", crc32(0, (const Bytef *)text, 10) == (uLong)-1);
	memset(s, 0, sizeof *s);
	check("deflateInit-macro-refused", deflateInit(s, 6) == -1);
	check("usable-after-refusals", crc32(0, b, 10) == crc10 &&
	      deflateInit_(s, 6, version, (int)sizeof *s) == Z_OK && deflateEnd(s) == Z_OK);
#endif
	return 0;
}
