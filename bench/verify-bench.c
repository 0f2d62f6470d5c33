/*
 * verify-bench - throughput of the LFI-x64 verifier against bare Zydis
 * decoding.
 *
 *   verify-bench SAMPLE.bin [MIB]
 *
 * SAMPLE.bin is raw LFI-x64 code (bench/sample.s, extracted by
 * bench/run-bench.sh). It is padded with int3 to a multiple of 32 bytes
 * and replicated, each copy at a bundle-aligned offset, into a buffer of at
 * least MIB MiB (default 16). The verifier must accept the whole buffer
 * (exit 1 otherwise). Then, five times, interleaved:
 *   1. lfi_verify() over the buffer (stop-at-first mode, no callback);
 *   2. ZydisDecoderDecodeInstruction() alone (default decoder, no operands)
 *      walking the same buffer bundle by bundle as the verifier does.
 * Prints the median throughput of each, their ratio, and the share of
 * instructions whose operands the verifier decoded (lfi_verify_stats; the
 * verifier no longer decodes anything a second time in AMD mode, so there
 * is no such count). No assertions on timing: machines are noisy.
 * MB = 10^6 bytes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <Zydis/Zydis.h>
#include "lfi_verify.h"

#define RUNS 5
#define ADDRESS 0x10000ull

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint8_t *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, len = 0, n;

	if (!f)
		return NULL;
	do {
		if (len == cap) {
			uint8_t *p = realloc(buf, cap = cap ? 2 * cap : 65536);

			if (!p) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*size = len;
	return buf;
}

static void print_error(const struct lfi_error *e, void *ctx)
{
	long *count = ctx;

	if (++*count <= 20)
		fprintf(stderr, "verify-bench: 0x%" PRIx64 ": `%s`: %s %s%s%s%s\n",
			e->address, e->insn, lfi_reason_rule(e->reason),
			lfi_reason_name(e->reason), e->detail[0] ? " (" : "",
			e->detail, e->detail[0] ? ")" : "");
}

/* Decode-only walk: the verifier's bundle loop without any rule. */
static uint64_t decode_walk(const ZydisDecoder *dec, const uint8_t *code,
			    size_t size, uint64_t *bad)
{
	ZydisDecoderContext ctx;
	ZydisDecodedInstruction zi;
	uint64_t count = 0;

	*bad = 0;
	for (size_t off = 0; off < size; off += LFI_BUNDLE_SIZE) {
		size_t pos = off, end = off + LFI_BUNDLE_SIZE;

		while (pos < end && pos < size) {
			if (ZYAN_FAILED(ZydisDecoderDecodeInstruction(
				    dec, &ctx, code + pos, size - pos, &zi))) {
				(*bad)++;
				break;
			}
			pos += zi.length;
			count++;
		}
	}
	return count;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	struct lfi_verifier *v;
	struct lfi_verify_stats st;
	struct lfi_verify_options all = { .collect_all = 1,
					  .on_error = print_error };
	ZydisDecoder dec;
	uint8_t *sample, *buf;
	size_t sample_size, unit, size, copies, target;
	double tv[RUNS], td[RUNS], mv, md;
	uint64_t decoded = 0, bad = 0;
	long errors = 0, n;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s SAMPLE.bin [MIB]\n", argv[0]);
		return 2;
	}
	target = (argc == 3 ? strtoul(argv[2], NULL, 10) : 16) << 20;
	sample = read_file(argv[1], &sample_size);
	if (!sample || sample_size == 0) {
		fprintf(stderr, "verify-bench: cannot read %s (or empty)\n",
			argv[1]);
		return 2;
	}

	/* one copy, padded with int3 to a whole number of bundles */
	unit = (sample_size + LFI_BUNDLE_SIZE - 1) / LFI_BUNDLE_SIZE *
	       LFI_BUNDLE_SIZE;
	copies = (target + unit - 1) / unit;
	size = copies * unit;
	buf = aligned_alloc(4096, (size + 4095) / 4096 * 4096);
	if (!buf) {
		fprintf(stderr, "verify-bench: out of memory\n");
		return 2;
	}
	memset(buf, 0xcc, size);
	for (size_t i = 0; i < copies; i++)
		memcpy(buf + i * unit, sample, sample_size);

	v = lfi_verifier_new();
	if (!v || ZYAN_FAILED(ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64,
					       ZYDIS_STACK_WIDTH_64))) {
		fprintf(stderr, "verify-bench: initialisation failed\n");
		return 2;
	}

	/* the buffer must be accepted, or the measurement means nothing */
	all.ctx = &errors;
	n = lfi_verify(v, buf, size, ADDRESS, &all, &st);
	if (n != 0) {
		fprintf(stderr, "verify-bench: FAIL: the verifier rejects the "
			"benchmark buffer (%ld errors, %ld shown above; sample "
			"%s, %zu bytes)\n", n, errors < 20 ? errors : 20,
			argv[1], sample_size);
		return 1;
	}

	printf("buffer: %zu bytes (%.1f MiB), %zu copies of a %zu-byte "
	       "sample\n", size, (double)size / (1 << 20), copies, sample_size);
	for (int r = 0; r < RUNS; r++) {
		double t0 = now();

		n = lfi_verify(v, buf, size, ADDRESS, NULL, &st);
		tv[r] = now() - t0;
		if (n != 0) {
			fprintf(stderr, "verify-bench: FAIL: rejected on run "
				"%d\n", r);
			return 1;
		}
		t0 = now();
		decoded = decode_walk(&dec, buf, size, &bad);
		td[r] = now() - t0;
	}
	if (bad || decoded != st.instructions)
		fprintf(stderr, "verify-bench: warning: decode-only walk saw "
			"%" PRIu64 " instructions (%" PRIu64 " undecodable), "
			"verifier %" PRIu64 "\n", decoded, bad, st.instructions);

	mv = median(tv, RUNS);
	md = median(td, RUNS);
	printf("instructions: %" PRIu64 " (%.2f bytes each), bundles: %" PRIu64
	       "\n", st.instructions, (double)size / (double)st.instructions,
	       st.bundles);
	printf("verifier: %.1f MB/s (median of %d)\n", (double)size / mv / 1e6,
	       RUNS);
	printf("zydis decode only: %.1f MB/s (median of %d)\n",
	       (double)size / md / 1e6, RUNS);
	printf("verifier cost: %.2f x bare decode\n", mv / md);
	printf("operands decoded: %.1f%% of instructions (%" PRIu64 ")\n",
	       100.0 * (double)st.operand_decodes / (double)st.instructions,
	       st.operand_decodes);
	printf("times (s): verify");
	for (int r = 0; r < RUNS; r++)
		printf(" %.4f", tv[r]);
	printf("; decode");
	for (int r = 0; r < RUNS; r++)
		printf(" %.4f", td[r]);
	printf(" (sorted)\n");

	lfi_verifier_free(v);
	free(buf);
	free(sample);
	return 0;
}
