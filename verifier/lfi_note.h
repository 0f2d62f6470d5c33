/*
 * lfi_note.h - the ELF note that marks LFI-x64 code.
 *
 * Every executable and shared object the LFI toolchain links carries one
 * note, in a PT_NOTE segment (section .note.lfi):
 *
 *     namesz = 4, descsz = 12, type = LFI_NOTE_TYPE
 *     name   "LFI\0"
 *     desc   "lfi-x64\0"                 the sandboxing scheme (lfi-x64.md)
 *            u32 LFI_RUNTIME_CALLS_VERSION (little-endian)
 *
 * The version names the runtime-call table of lfi-x64.md ("Runtime calls"):
 * it changes whenever an entry's meaning or register contract changes, so
 * code built against another table is refused instead of misbehaving.
 * lfi-verify, lfi-run and sobox read it with lfi_note_find(); the compiler
 * driver writes it into every link.
 */
#ifndef LFI_NOTE_H
#define LFI_NOTE_H

#include <stddef.h>
#include <stdint.h>

#define LFI_NOTE_NAME "LFI"
#define LFI_NOTE_TYPE 1
#define LFI_NOTE_SCHEME "lfi-x64"
#define LFI_RUNTIME_CALLS_VERSION 1
#define LFI_NOTE_SECTION ".note.lfi"

enum lfi_note_status {
	LFI_NOTE_OK,		/* an LFI note with this scheme and version */
	LFI_NOTE_ABSENT,	/* no LFI note: not LFI code */
	LFI_NOTE_SCHEME_MISMATCH,	/* another scheme */
	LFI_NOTE_VERSION_MISMATCH,	/* another runtime-call table */
	LFI_NOTE_MALFORMED,	/* notes that run past their segment */
	LFI_NOTE_OUTSIDE_FILE,	/* program headers or a note segment past the end */
};

/*
 * Looks for the LFI note in the contents of one PT_NOTE segment (or
 * SHT_NOTE section), `size` bytes of 4-byte aligned ELF64 notes. On
 * LFI_NOTE_VERSION_MISMATCH, *version (if not NULL) is the version found.
 * Reads nothing outside [notes, notes + size).
 */
enum lfi_note_status lfi_note_find(const void *notes, size_t size,
				   uint32_t *version);

/*
 * The LFI note of a whole ELF64 file held in memory (`size` bytes),
 * through its PT_NOTE segments: LFI_NOTE_OK as soon as one has it (other
 * tools' notes around ours do not matter), otherwise the first complaint
 * another one gave, otherwise LFI_NOTE_ABSENT. The caller has checked
 * that it is ELF64. Reads nothing outside [file, file + size).
 */
enum lfi_note_status lfi_note_in_elf(const void *file, size_t size,
				     uint32_t *version);

/* One line of text for a status ("no LFI-x64 note: not LFI code", ...). */
const char *lfi_note_message(enum lfi_note_status status);

#endif
