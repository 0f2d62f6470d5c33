/* Reading the LFI ELF note (lfi_note.h). Plain bytes, no libelf, so the
   runtime can use it on a segment it has just read. */
#include "lfi_note.h"

#include <elf.h>
#include <string.h>

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static enum lfi_note_status check_desc(const unsigned char *desc, size_t size,
				       uint32_t *version)
{
	uint32_t v;

	if (size != sizeof LFI_NOTE_SCHEME + 4 ||
	    memcmp(desc, LFI_NOTE_SCHEME, sizeof LFI_NOTE_SCHEME) != 0)
		return LFI_NOTE_SCHEME_MISMATCH;
	v = get32(desc + sizeof LFI_NOTE_SCHEME);
	if (version)
		*version = v;
	return v == LFI_RUNTIME_CALLS_VERSION ? LFI_NOTE_OK :
						LFI_NOTE_VERSION_MISMATCH;
}

enum lfi_note_status lfi_note_find(const void *notes, size_t size,
				   uint32_t *version)
{
	const unsigned char *p = notes;
	size_t at = 0;

	while (size - at >= 12) {
		uint32_t namesz = get32(p + at), descsz = get32(p + at + 4);
		uint32_t type = get32(p + at + 8);
		size_t name = at + 12, desc, next;

		if (align4(namesz) > size - name)
			return LFI_NOTE_MALFORMED;
		desc = name + align4(namesz);
		if (align4(descsz) > size - desc)
			return LFI_NOTE_MALFORMED;
		next = desc + align4(descsz);
		if (type == LFI_NOTE_TYPE && namesz == sizeof LFI_NOTE_NAME &&
		    memcmp(p + name, LFI_NOTE_NAME, sizeof LFI_NOTE_NAME) == 0)
			return check_desc(p + desc, descsz, version);
		at = next;
	}
	return at == size ? LFI_NOTE_ABSENT : LFI_NOTE_MALFORMED;
}

static int fits(uint64_t off, uint64_t len, size_t size)
{
	return off <= size && len <= size - off;
}

enum lfi_note_status lfi_note_in_elf(const void *file, size_t size,
				     uint32_t *version)
{
	const unsigned char *p = file;
	enum lfi_note_status best = LFI_NOTE_ABSENT;
	Elf64_Ehdr eh;

	if (size < sizeof eh)
		return LFI_NOTE_OUTSIDE_FILE;
	memcpy(&eh, p, sizeof eh);
	if (eh.e_phnum && (eh.e_phentsize != sizeof(Elf64_Phdr) ||
			   !fits(eh.e_phoff, (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr), size)))
		return LFI_NOTE_OUTSIDE_FILE;
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr ph;
		enum lfi_note_status s;

		memcpy(&ph, p + eh.e_phoff + i * sizeof ph, sizeof ph);
		if (ph.p_type != PT_NOTE)
			continue;
		if (!fits(ph.p_offset, ph.p_filesz, size))
			return LFI_NOTE_OUTSIDE_FILE;
		s = lfi_note_find(p + ph.p_offset, ph.p_filesz, version);
		if (s == LFI_NOTE_OK)
			return s;
		if (best == LFI_NOTE_ABSENT)
			best = s;
	}
	return best;
}

const char *lfi_note_message(enum lfi_note_status status)
{
	switch (status) {
	case LFI_NOTE_OK:
		return "LFI-x64 note present";
	case LFI_NOTE_ABSENT:
		return "no LFI-x64 note: not LFI code (link it with x86_64-lfi-linux-musl-gcc)";
	case LFI_NOTE_SCHEME_MISMATCH:
		return "LFI note names another sandboxing scheme than " LFI_NOTE_SCHEME;
	case LFI_NOTE_VERSION_MISMATCH:
		return "LFI note names another runtime-call table version";
	case LFI_NOTE_MALFORMED:
		return "malformed ELF notes";
	case LFI_NOTE_OUTSIDE_FILE:
		return "note segment past the end of the file";
	}
	return "?";
}
