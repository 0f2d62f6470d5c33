/*
 * Unit tests of the verifier's C API: modes, options, statistics, and the
 * reason tables. Rules themselves are tested by the assembly corpus.
 */
#include <stdio.h>
#include <string.h>
#include "lfi_verify.h"

static int failures;

static void result(const char *name, int ok)
{
	printf("%s: verifier-api/%s\n", ok ? "PASS" : "FAIL", name);
	failures += !ok;
}

struct seen {
	int count;
	enum lfi_reason first;
	uint64_t first_address;
	char first_insn[128];
};

static void collect(const struct lfi_error *e, void *ctx)
{
	struct seen *s = ctx;

	if (s->count++ == 0) {
		s->first = e->reason;
		s->first_address = e->address;
		strcpy(s->first_insn, e->insn);
	}
}

/* A bundle-sized buffer: `bytes` then int3 fill. */
static void bundle(uint8_t *buf, size_t size, const uint8_t *bytes, size_t n)
{
	memset(buf, 0xcc, size);
	memcpy(buf, bytes, n);
}

static long run(struct lfi_verifier *v, const uint8_t *code, size_t size,
		uint64_t addr, int all, struct seen *s,
		const uint64_t *relocs, size_t nrelocs)
{
	struct lfi_verify_options o = { .collect_all = all, .on_error = collect,
					.ctx = s, .link_time_targets = relocs,
					.link_time_target_count = nrelocs };

	memset(s, 0, sizeof *s);
	return lfi_verify(v, code, size, addr, &o, NULL);
}

static void test_reasons(void)
{
	int ok = 1;

	for (int i = 1; i < LFI_REASON_COUNT; i++) {
		const char *rule = lfi_reason_rule(i);

		if (i == LFI_CALL_END)	/* the toolchain's check, not a rule */
			ok &= strcmp(rule, "T") == 0;
		else
			ok &= rule[0] == 'V' && rule[1] >= '1' && rule[1] <= '7';
		ok &= strlen(lfi_reason_text(i)) > 10;
		for (int j = 1; j < i; j++)
			ok &= strcmp(lfi_reason_name(i), lfi_reason_name(j)) != 0;
	}
	ok &= strcmp(lfi_reason_name(LFI_REASON_COUNT), "unknown") == 0;
	result("reason-table", ok);
}

/* check_call_ends: only when asked, and only calls that end mid-bundle */
static void test_call_ends(struct lfi_verifier *v)
{
	uint8_t buf[64];
	struct lfi_verify_options o = { .collect_all = 1, .check_call_ends = 1 };

	memset(buf, 0xcc, sizeof buf);
	buf[0] = 0x90;			/* nop; call rel32 to 32 (ends at 6) */
	buf[1] = 0xe8;
	memcpy(buf + 2, "\x1a\x00\x00\x00", 4);
	buf[27] = 0xe8;			/* call rel32 to 32, ends at 32 */
	memcpy(buf + 28, "\x00\x00\x00\x00", 4);
	result("call-end-reported", lfi_verify(v, buf, sizeof buf, 0x1000, &o, NULL) == 1);
	o.check_call_ends = 0;
	result("call-end-off-by-default",
	       lfi_verify(v, buf, sizeof buf, 0x1000, &o, NULL) == 0);
}

static void test_modes(struct lfi_verifier *v)
{
	/* mov (%rax),%rcx ; ret ; syscall */
	static const uint8_t bad[] = { 0x48, 0x8b, 0x08, 0xc3, 0x0f, 0x05 };
	uint8_t buf[64];
	struct seen s;
	long n;

	bundle(buf, sizeof buf, bad, sizeof bad);
	n = run(v, buf, sizeof buf, 0x10000, 1, &s, NULL, 0);
	result("collect-all-reports-every-error", n == 3 && s.count == 3);
	result("first-error-is-first-address",
	       s.first == LFI_MEMORY_OPERAND && s.first_address == 0x10000 &&
		       strstr(s.first_insn, "(%rax)") != NULL);
	n = run(v, buf, sizeof buf, 0x10000, 0, &s, NULL, 0);
	result("stop-at-first", n == 1 && s.count == 1);
	n = lfi_verify(v, buf, sizeof buf, 0x10000, NULL, NULL);
	result("null-options-stop-at-first", n == 1);
}

static void test_buffers(struct lfi_verifier *v)
{
	uint8_t buf[64];
	struct seen s;

	memset(buf, 0xcc, sizeof buf);
	result("empty-buffer-accepted",
	       run(v, buf, 0, 0x20000, 1, &s, NULL, 0) == 0);
	result("int3-accepted", run(v, buf, 64, 0x20000, 1, &s, NULL, 0) == 0);
	result("misaligned-address-rejected",
	       run(v, buf, 64, 0x20010, 1, &s, NULL, 0) == 1 &&
		       s.first == LFI_MISALIGNED_BUFFER);
	result("odd-size-accepted", run(v, buf, 33, 0x20000, 1, &s, NULL, 0) == 0);
	buf[32] = 0x48;	/* a lone REX prefix at the very end */
	result("truncated-at-end",
	       run(v, buf, 33, 0x20000, 1, &s, NULL, 0) == 1 &&
		       s.first == LFI_TRUNCATED && s.first_address == 0x20020);
}

static void test_link_time_targets(struct lfi_verifier *v)
{
	/* call rel32 far outside the buffer; displacement field at offset 1 */
	static const uint8_t call[] = { 0xe8, 0x00, 0x00, 0x00, 0x10 };
	uint64_t relocs[] = { 1 }, other[] = { 0, 2 };
	uint8_t buf[32];
	struct seen s;

	bundle(buf, sizeof buf, call, sizeof call);
	result("branch-out-of-buffer-rejected",
	       run(v, buf, 32, 0, 1, &s, NULL, 0) == 1 &&
		       s.first == LFI_BRANCH_TARGET);
	result("relocated-branch-not-checked",
	       run(v, buf, 32, 0, 1, &s, relocs, 1) == 0);
	result("relocation-elsewhere-does-not-count",
	       run(v, buf, 32, 0, 1, &s, other, 2) == 1);
}

static void test_stats(struct lfi_verifier *v)
{
	/* nop ; nop ; int3 x 30 ; then a second bundle of int3 */
	uint8_t buf[64];
	struct lfi_verify_stats st;

	memset(buf, 0xcc, sizeof buf);
	buf[0] = buf[1] = 0x90;
	lfi_verify(v, buf, sizeof buf, 0, NULL, &st);
	result("stats-count", st.instructions == 64 && st.bundles == 2);
}

/* Same bytes at two aligned addresses: same verdict (position independence). */
static void test_addresses(struct lfi_verifier *v)
{
	/* jmp -2 (to itself) ; jz +0 */
	static const uint8_t loop[] = { 0xeb, 0xfe, 0x74, 0x00 };
	uint8_t buf[32];
	struct seen s;

	bundle(buf, sizeof buf, loop, sizeof loop);
	result("verdict-independent-of-address",
	       run(v, buf, 32, 0, 1, &s, NULL, 0) == 0 &&
		       run(v, buf, 32, 0x7fffffe0, 1, &s, NULL, 0) == 0 &&
		       run(v, buf, 32, 0xffffffffffffffe0ull, 1, &s, NULL, 0) == 0);
}

int main(void)
{
	struct lfi_verifier *v = lfi_verifier_new();

	if (!v) {
		puts("FAIL: verifier-api/new");
		return 1;
	}
	test_reasons();
	test_modes(v);
	test_call_ends(v);
	test_buffers(v);
	test_link_time_targets(v);
	test_stats(v);
	test_addresses(v);
	lfi_verifier_free(v);
	return failures != 0;
}
