/*
 * lfi-verify - check that files contain only LFI-x64 code.
 *
 *   lfi-verify [-v] [--first] FILE...
 *   lfi-verify [-v] [--first] --raw --base ADDR FILE...
 *
 * ELF executables and shared objects: every executable PT_LOAD segment, as
 * the runtime will map it: whole pages, bytes outside the segment's file
 * contents filled with int3. Relocatable objects: every executable section
 * at address 0, branches to relocated targets left to the linker. Raw
 * files: the bytes at ADDR.
 *
 * Exit: 0 accepted, 1 rejected (one line per error on stdout),
 * 2 bad input (one line on stderr).
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "lfi_note.h"
#include "lfi_verify.h"

#define PAGE_SIZE 4096
#define MAX_CODE_SIZE (4ull << 30)	/* a whole sandbox */

enum { ACCEPTED = 0, REJECTED = 1, BAD_INPUT = 2 };

struct tool {
	struct lfi_verifier *verifier;
	int verbose, first_only, raw, no_note, call_ends;
	uint64_t raw_base;
	const char *file;	/* for messages */
	const char *where;	/* section name, segment, or NULL */
	uint64_t bytes, instructions, bundles;
	double seconds;
};

static int bad_input(const struct tool *t, const char *why)
{
	fprintf(stderr, "lfi-verify: %s: %s\n", t->file, why);
	return BAD_INPUT;
}

static void print_error(const struct lfi_error *e, void *ctx)
{
	const struct tool *t = ctx;

	printf("%s%s%s: 0x%" PRIx64 ": `%s`: %s %s: %s%s%s%s\n", t->file,
	       t->where ? ":" : "", t->where ? t->where : "", e->address,
	       e->insn, lfi_reason_rule(e->reason), lfi_reason_name(e->reason),
	       lfi_reason_text(e->reason), e->detail[0] ? " (" : "", e->detail,
	       e->detail[0] ? ")" : "");
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int verify_code(struct tool *t, const uint8_t *code, size_t size,
		       uint64_t address, const uint64_t *relocs, size_t nrelocs)
{
	struct lfi_verify_options opt = {
		.collect_all = !t->first_only, .on_error = print_error, .ctx = t,
		.check_call_ends = t->call_ends,
		.link_time_targets = relocs, .link_time_target_count = nrelocs,
	};
	struct lfi_verify_stats st;
	double start = now();
	long n = lfi_verify(t->verifier, code, size, address, &opt, &st);

	t->seconds += now() - start;
	if (n < 0)
		return bad_input(t, "out of memory");
	t->bytes += size;
	t->instructions += st.instructions;
	t->bundles += st.bundles;
	return n ? REJECTED : ACCEPTED;
}

static int read_file(struct tool *t, uint8_t **data, size_t *size)
{
	struct stat st;
	ssize_t got = 0;
	int fd = open(t->file, O_RDONLY);

	if (fd < 0)
		return bad_input(t, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return bad_input(t, "not a regular file");
	}
	*size = (size_t)st.st_size;
	*data = malloc(*size ? *size : 1);
	if (!*data) {
		close(fd);
		return bad_input(t, "out of memory");
	}
	for (size_t done = 0; done < *size; done += (size_t)got) {
		got = read(fd, *data + done, *size - done);
		if (got <= 0) {
			free(*data);
			close(fd);
			return bad_input(t, got < 0 ? strerror(errno) :
					 "file shrank while reading");
		}
	}
	close(fd);
	return ACCEPTED;
}

static int fits(uint64_t offset, uint64_t size, uint64_t file_size)
{
	return offset <= file_size && size <= file_size - offset;
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

static uint64_t page_down(uint64_t a)
{
	return a & ~(uint64_t)(PAGE_SIZE - 1);
}

static uint64_t page_up(uint64_t a)
{
	return page_down(a + PAGE_SIZE - 1);
}

/* One executable segment: whole pages, int3 where the file has no bytes. */
static int verify_segment(struct tool *t, const uint8_t *file, size_t file_size,
			  const GElf_Phdr *ph)
{
	uint64_t first = page_down(ph->p_vaddr), end, size;
	uint8_t *pages;
	int status;

	if (!fits(ph->p_offset, ph->p_filesz, file_size))
		return bad_input(t, "segment extends past the end of the file");
	if (ph->p_filesz > ph->p_memsz || ph->p_memsz > MAX_CODE_SIZE ||
	    ph->p_vaddr > UINT64_MAX - MAX_CODE_SIZE)
		return bad_input(t, "malformed executable segment sizes");
	end = page_up(ph->p_vaddr + ph->p_memsz);
	size = end - first;
	pages = malloc(size ? size : 1);
	if (!pages)
		return bad_input(t, "out of memory");
	memset(pages, 0xcc, size);
	memcpy(pages + (ph->p_vaddr - first), file + ph->p_offset, ph->p_filesz);
	status = verify_code(t, pages, size, first, NULL, 0);
	free(pages);
	return status;
}

/*
 * An executable page must hold one segment only: verified alone, two
 * segments sharing a page could each pass while their bytes together
 * decode differently. Returns the index of another PT_LOAD whose pages
 * meet those of load `x`, or -1.
 */
static long shares_page(Elf *elf, size_t count, size_t x, const GElf_Phdr *px)
{
	for (size_t i = 0; i < count; i++) {
		GElf_Phdr ph;

		if (i == x || !gelf_getphdr(elf, (int)i, &ph) ||
		    ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		if (page_down(ph.p_vaddr) < page_up(px->p_vaddr + px->p_memsz) &&
		    page_down(px->p_vaddr) < page_up(ph.p_vaddr + ph.p_memsz))
			return (long)i;
	}
	return -1;
}

/* Code without the note is refused in one line before any decoding: a
   glibc program would otherwise produce thousands of complaints. */
static int check_note(struct tool *t, const uint8_t *file, size_t file_size)
{
	uint32_t version = 0;
	enum lfi_note_status s = lfi_note_in_elf(file, file_size, &version);

	if (s == LFI_NOTE_OUTSIDE_FILE)
		return bad_input(t, "segment extends past the end of the file");
	if (s == LFI_NOTE_OK || t->no_note)
		return ACCEPTED;
	if (s == LFI_NOTE_VERSION_MISMATCH)
		printf("%s: note: %s (%" PRIu32 ", this verifier knows %d)\n",
		       t->file, lfi_note_message(s), version,
		       LFI_RUNTIME_CALLS_VERSION);
	else
		printf("%s: note: %s\n", t->file, lfi_note_message(s));
	return REJECTED;
}

static int verify_segments(struct tool *t, Elf *elf, const uint8_t *file,
			   size_t file_size)
{
	size_t count;
	int status = ACCEPTED;

	if (elf_getphdrnum(elf, &count) != 0)
		return bad_input(t, "malformed program headers");
	status = check_note(t, file, file_size);
	if (status != ACCEPTED)
		return status;
	for (size_t i = 0; i < count && status != BAD_INPUT; i++) {
		GElf_Phdr ph;
		long other;

		if (!gelf_getphdr(elf, (int)i, &ph))
			return bad_input(t, "malformed program header");
		if (ph.p_type != PT_LOAD || !(ph.p_flags & PF_X))
			continue;
		if (ph.p_offset % PAGE_SIZE != ph.p_vaddr % PAGE_SIZE)
			return bad_input(t, "segment offset and address differ "
					    "modulo the page size");
		t->where = NULL;
		other = shares_page(elf, count, i, &ph);
		if (other >= 0) {
			printf("%s: 0x%" PRIx64 ": `(segment %zu)`: V1 shared-page: "
			       "executable segment shares a page with segment "
			       "%ld\n", t->file, page_down(ph.p_vaddr), i, other);
			status = worse(status, REJECTED);
			continue;
		}
		status = worse(status, verify_segment(t, file, file_size, &ph));
	}
	return status;
}

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Offsets in section `target` that relocations of the object fill in. */
static uint64_t *relocated_offsets(Elf *elf, size_t target, size_t *count)
{
	Elf_Scn *scn = NULL;
	uint64_t *list = NULL;
	size_t n = 0, cap = 0;

	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *data;

		if (!gelf_getshdr(scn, &sh) || sh.sh_info != target ||
		    (sh.sh_type != SHT_RELA && sh.sh_type != SHT_REL) ||
		    !(data = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		for (size_t k = 0; k < sh.sh_size / sh.sh_entsize; k++) {
			GElf_Rela ra;
			GElf_Rel rl;
			uint64_t off;

			if (sh.sh_type == SHT_RELA && gelf_getrela(data, (int)k, &ra))
				off = ra.r_offset;
			else if (sh.sh_type == SHT_REL && gelf_getrel(data, (int)k, &rl))
				off = rl.r_offset;
			else
				continue;
			if (n == cap) {
				uint64_t *grown;

				cap = cap ? 2 * cap : 64;
				grown = realloc(list, cap * sizeof *list);
				if (!grown) {
					free(list);
					*count = 0;
					return NULL;
				}
				list = grown;
			}
			list[n++] = off;
		}
	}
	if (n)
		qsort(list, n, sizeof *list, compare_u64);
	*count = n;
	return list;
}

static int verify_sections(struct tool *t, Elf *elf, const uint8_t *file,
			   size_t file_size)
{
	size_t strndx;
	Elf_Scn *scn = NULL;
	int status = ACCEPTED;

	if (elf_getshdrstrndx(elf, &strndx) != 0)
		return bad_input(t, "malformed section headers");
	while ((scn = elf_nextscn(elf, scn)) && status != BAD_INPUT) {
		GElf_Shdr sh;
		uint64_t *relocs;
		size_t nrelocs;

		if (!gelf_getshdr(scn, &sh))
			return bad_input(t, "malformed section header");
		if (!(sh.sh_flags & SHF_EXECINSTR) || sh.sh_type == SHT_NOBITS)
			continue;
		if (!fits(sh.sh_offset, sh.sh_size, file_size))
			return bad_input(t, "section extends past the end of the file");
		t->where = elf_strptr(elf, strndx, sh.sh_name);
		if (!t->where)
			t->where = "?";
		if (sh.sh_addralign < LFI_BUNDLE_SIZE && sh.sh_size > 0) {
			printf("%s:%s: 0x0: `(section)`: V1 misaligned-buffer: "
			       "section alignment %" PRIu64 " is below the "
			       "bundle size\n", t->file, t->where,
			       (uint64_t)sh.sh_addralign);
			status = worse(status, REJECTED);
		}
		relocs = relocated_offsets(elf, elf_ndxscn(scn), &nrelocs);
		status = worse(status, verify_code(t, file + sh.sh_offset,
						   sh.sh_size, 0, relocs, nrelocs));
		free(relocs);
	}
	t->where = NULL;
	return status;
}

/* libelf quietly shows no headers when the tables lie outside the file. */
static int header_tables_fit(const GElf_Ehdr *eh, size_t size)
{
	return fits(eh->e_phoff, (uint64_t)eh->e_phnum * eh->e_phentsize, size) &&
	       fits(eh->e_shoff, (uint64_t)eh->e_shnum * eh->e_shentsize, size) &&
	       (eh->e_shoff != 0 || eh->e_shnum == 0) &&
	       (eh->e_phoff != 0 || eh->e_phnum == 0);
}

static int verify_elf(struct tool *t, uint8_t *file, size_t size)
{
	Elf *elf;
	GElf_Ehdr eh;
	int status;

	if (size < EI_NIDENT || memcmp(file, ELFMAG, SELFMAG) != 0)
		return bad_input(t, "not an ELF file");
	elf = elf_memory((char *)file, size);
	if (!elf)
		return bad_input(t, "malformed ELF file");
	if (gelf_getclass(elf) != ELFCLASS64 || !gelf_getehdr(elf, &eh))
		status = bad_input(t, "not a 64-bit ELF file (or truncated header)");
	else if (eh.e_ident[EI_DATA] != ELFDATA2LSB || eh.e_machine != EM_X86_64)
		status = bad_input(t, "not x86-64 code");
	else if (!header_tables_fit(&eh, size))
		status = bad_input(t, "malformed ELF header: tables past the end of the file");
	else if (eh.e_type == ET_REL)
		status = verify_sections(t, elf, file, size);
	else if (eh.e_type == ET_EXEC || eh.e_type == ET_DYN)
		status = verify_segments(t, elf, file, size);
	else
		status = bad_input(t, "not an executable, shared object or object file");
	elf_end(elf);
	return status;
}

static int verify_file(struct tool *t)
{
	uint8_t *data;
	size_t size;
	int status = read_file(t, &data, &size);

	if (status != ACCEPTED)
		return status;
	t->bytes = t->instructions = t->bundles = 0;
	t->seconds = 0;
	if (t->raw)
		status = verify_code(t, data, size, t->raw_base, NULL, 0);
	else
		status = verify_elf(t, data, size);
	free(data);
	if (t->verbose && status != BAD_INPUT)
		fprintf(stderr, "%s: %" PRIu64 " bytes, %" PRIu64
			" instructions, %" PRIu64 " bundles, %.1f MB/s: %s\n",
			t->file, t->bytes, t->instructions, t->bundles,
			t->seconds > 0 ? (double)t->bytes / t->seconds / 1e6 : 0.0,
			status == ACCEPTED ? "accepted" : "rejected");
	return status;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: lfi-verify [-v] [--first] [--no-note] [--call-ends] FILE...\n"
		"       lfi-verify [-v] [--first] --raw --base ADDR FILE...\n"
		"Verifies LFI-x64 code in ELF executables, shared objects and\n"
		"relocatable objects, or raw code at ADDR.\n"
		"  -v       print size, instructions, bundles and speed per file\n"
		"  --first  stop at the first error of each code region\n"
		"  --no-note  verify executables and shared objects without\n"
		"           the LFI-x64 ELF note (lfi_note.h) too\n"
		"  --call-ends  also reject calls that do not end at a bundle\n"
		"           boundary (T call-end; the toolchain's check)\n"
		"Exit: 0 accepted, 1 rejected, 2 bad input.\n");
	return BAD_INPUT;
}

static int parse_base(const char *s, uint64_t *base)
{
	char *end;

	errno = 0;
	*base = strtoull(s, &end, 0);
	return errno == 0 && *s && !*end;
}

int main(int argc, char **argv)
{
	struct tool t = { 0 };
	int i, status = ACCEPTED, have_base = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-v"))
			t.verbose = 1;
		else if (!strcmp(argv[i], "--first"))
			t.first_only = 1;
		else if (!strcmp(argv[i], "--no-note"))
			t.no_note = 1;
		else if (!strcmp(argv[i], "--call-ends"))
			t.call_ends = 1;
		else if (!strcmp(argv[i], "--raw"))
			t.raw = 1;
		else if (!strcmp(argv[i], "--base") && i + 1 < argc &&
			 parse_base(argv[i + 1], &t.raw_base))
			have_base = 1, i++;
		else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else
			return usage();
	}
	if (i == argc || t.raw != have_base)
		return usage();
	elf_version(EV_CURRENT);
	t.verifier = lfi_verifier_new();
	if (!t.verifier) {
		fprintf(stderr, "lfi-verify: cannot initialise the decoder\n");
		return BAD_INPUT;
	}
	for (; i < argc; i++) {
		t.file = argv[i];
		status = worse(status, verify_file(&t));
	}
	lfi_verifier_free(t.verifier);
	return status;
}
