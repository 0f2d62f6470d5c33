#!/bin/bash
# lfi-verify as a tool: inputs it must handle, exit codes, messages.
# Prints one PASS:/FAIL: line per test.
set -u
BIN=$1
V=$BIN/lfi-verify
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# expect NAME STATUS PATTERN -- COMMAND...: exit status and output pattern.
expect() {
	local name=$1 want=$2 pattern=$3 got out
	shift 4
	out=$("$@" 2>&1)
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "FAIL: tool/$name: exit $got, expected $want: $(head -n1 <<<"$out")"
	elif ! grep -qE -- "$pattern" <<<"$out"; then
		echo "FAIL: tool/$name: output lacks /$pattern/: $(head -n1 <<<"$out")"
	else
		echo "PASS: tool/$name"
	fi
}

# Patch COUNT bytes (hex string) at OFFSET of FILE.
patch() {
	printf "$(sed 's/../\\x&/g' <<<"$3")" |
		dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

cat > "$T/good.s" <<'ASM'
	.bundle_align_mode 5
	.text
	.globl f
	.type f,@function
	.p2align 5
f:
	movl %gs:(%edi), %eax
	addl $1, %eax
	movl %eax, %gs:4(%edi)
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
ASM
cat > "$T/bad.s" <<'ASM'
	.bundle_align_mode 5
	.text
	.globl g
	.p2align 5
g:
	movl (%rdi), %eax
	popq %r11
	.bundle_lock
	andl $-32, %r11d
	orq %r14, %r11
	jmpq *%r11
	.bundle_unlock
ASM
# The segment's file contents end with the first byte of a call: with the
# int3 fill it is `call rel32` out of the code, with zeros a valid call.
cat > "$T/tail.s" <<'ASM'
	.text
	.p2align 5
h:
	.byte 0xe8
ASM
# Two segments on one page: alone each verifies, together the page holds
# `mov $imm32,%eax` followed by `mov %rax,%rsp`.
cat > "$T/shared.s" <<'ASM'
	.text
	.fill 15, 1, 0x90
	.byte 0xb8
	.data
	.byte 0x48, 0xb8, 0x00, 0x00, 0x48, 0x89, 0xc4, 0x90, 0x90, 0x90
ASM
for flags in 5 6; do
	cat > "$T/shared$flags.ld" <<LD
PHDRS { text PT_LOAD FLAGS(5); data PT_LOAD FLAGS($flags); }
SECTIONS { . = 0x1000; .text : { *(.text) } :text .data : { *(.data) } :data }
LD
done
# The LFI-x64 note (verifier/lfi_note.h) the driver adds to every link;
# note.o writes it with a version given as the first argument.
note() {
	printf '\t.section .note.lfi,"a",@note\n\t.p2align 2\n\t.long 4, 12, 1\n'
	printf '\t.asciz "LFI"\n\t.asciz "%s"\n\t.long %s\n' "${2:-lfi-x64}" "$1"
}
note 1 | as --64 -o "$T/note.o" -
note 2 | as --64 -o "$T/note2.o" -
note 1 lfi-a64 | as --64 -o "$T/note-a64.o" -
as --64 -o "$T/good.o" "$T/good.s" && as --64 -o "$T/bad.o" "$T/bad.s" &&
as --64 -o "$T/tail.o" "$T/tail.s" && printf '\tnop\n' | as --32 -o "$T/i386.o" -
ld -shared -z separate-code -o "$T/good.so" "$T/good.o" "$T/note.o"
ld -shared -z separate-code -o "$T/bad.so" "$T/bad.o" "$T/note.o"
ld -shared -z separate-code -o "$T/tail.so" "$T/tail.o" "$T/note.o"
ld -shared -z separate-code -o "$T/nonote.so" "$T/good.o"
ld -shared -z separate-code -o "$T/note2.so" "$T/good.o" "$T/note2.o"
ld -shared -z separate-code -o "$T/note-a64.so" "$T/good.o" "$T/note-a64.o"
objcopy -O binary --only-section=.text "$T/good.o" "$T/good.bin"
as --64 -o "$T/shared.o" "$T/shared.s"
ld -shared -T "$T/shared5.ld" -o "$T/shared-rx.so" "$T/shared.o"
ld -shared -T "$T/shared6.ld" -o "$T/shared-rw.so" "$T/shared.o"
mkdir "$T/dir"
echo "hello" > "$T/text"
: > "$T/empty"

expect accept-object 0 '^$' -- "$V" "$T/good.o"
expect accept-shared-object 0 '^$' -- "$V" "$T/good.so"
expect reject-object 1 'bad.o:.text: 0x0: `mov \(%rdi\), %eax`: V3 memory-operand' -- "$V" "$T/bad.o"
textaddr=$(objdump -h "$T/bad.so" | awk '$2==".text"{print $4}' | sed 's/^0*//')
expect reject-shared-object-address 1 "bad.so: 0x$textaddr: .*V3 memory-operand" -- "$V" "$T/bad.so"
expect int3-fill-beyond-file 1 'V6 branch-target' -- "$V" "$T/tail.so"
expect shared-page-two-code-segments 1 'shared-rx.so: 0x1000: .*V1 shared-page' -- "$V" --no-note "$T/shared-rx.so"
expect shared-page-code-and-data 1 'shared-rw.so: 0x1000: .*V1 shared-page' -- "$V" --no-note "$T/shared-rw.so"
expect note-absent 1 '^[^ ]*nonote.so: note: no LFI-x64 note: not LFI code' -- "$V" "$T/nonote.so"
n=$("$V" "$T/nonote.so" | wc -l)
if [ "$n" -eq 1 ]; then echo "PASS: tool/note-absent-one-line"; else echo "FAIL: tool/note-absent-one-line: $n lines"; fi
expect note-absent-allowed 0 '^$' -- "$V" --no-note "$T/nonote.so"
expect note-other-version 1 'note2.so: note: .*another runtime-call table version \(2, this verifier knows 1\)' -- "$V" "$T/note2.so"
expect note-other-scheme 1 'note-a64.so: note: .*another sandboxing scheme' -- "$V" "$T/note-a64.so"
expect note-not-needed-in-objects 0 '^$' -- "$V" "$T/good.o"
expect raw-accept 0 '^$' -- "$V" --raw --base 0x10000 "$T/good.bin"
expect raw-misaligned-base 1 'V1 misaligned-buffer' -- "$V" --raw --base 0x10010 "$T/good.bin"
expect raw-needs-base 2 'usage' -- "$V" --raw "$T/good.bin"
expect raw-bad-base 2 'usage' -- "$V" --raw --base 12zz "$T/good.bin"
expect no-arguments 2 'usage' -- "$V"
expect unknown-option 2 'usage' -- "$V" --frobnicate "$T/good.o"
expect missing-file 2 'nonexistent: No such file' -- "$V" "$T/nonexistent"
expect directory 2 'dir: not a regular file' -- "$V" "$T/dir"
expect not-elf 2 'text: not an ELF file' -- "$V" "$T/text"
expect empty-file 2 'empty: not an ELF file' -- "$V" "$T/empty"
expect elf32 2 'i386.o: not a 64-bit ELF' -- "$V" "$T/i386.o"

cp "$T/good.o" "$T/arm.o" && patch "$T/arm.o" 18 b700
expect not-x86-64 2 'arm.o: not x86-64' -- "$V" "$T/arm.o"
head -c 40 "$T/good.o" > "$T/trunc.o"
expect truncated-header 2 'trunc.o: ' -- "$V" "$T/trunc.o"
cp "$T/good.o" "$T/shoff.o" && patch "$T/shoff.o" 40 ffffff7f00000000
expect bad-section-offset 2 'shoff.o: malformed ELF header' -- "$V" "$T/shoff.o"
cp "$T/good.so" "$T/phoff.so" && patch "$T/phoff.so" 32 ffffff7f00000000
expect bad-program-header-offset 2 'phoff.so: malformed' -- "$V" "$T/phoff.so"
# p_offset of every program header far past the end of the file
# p_offset of the executable PT_LOAD moved by 16: not congruent with p_vaddr
xload=$(readelf -lW "$T/good.so" | awk '/^  [A-Z_]+ +0x/ { if ($1 == "LOAD" && / R E /) { print n; exit } n++ }')
xoff=$(readelf -lW "$T/good.so" | awk '/LOAD/ && / R E /{print $2; exit}')
cp "$T/good.so" "$T/congruent.so"
patch "$T/congruent.so" $((64 + 56 * xload + 8)) "$(printf '%016x' $((xoff + 16)) | sed 's/\(..\)/\1 /g' | awk '{for(i=NF;i>0;i--) printf "%s", $i}')"
expect segment-offset-not-congruent 2 'congruent.so: segment offset and address differ' -- "$V" "$T/congruent.so"
cp "$T/good.so" "$T/seg.so"
phnum=$(readelf -hW "$T/seg.so" | awk '/Number of program headers/{print $5}')
for i in $(seq 0 $((phnum - 1))); do patch "$T/seg.so" $((64 + 56 * i + 8)) 0000001000000000; done
expect segment-past-end 2 'seg.so: segment extends past the end' -- "$V" "$T/seg.so"
cp "$T/good.o" "$T/core" && patch "$T/core" 16 0400
expect not-code-file 2 'core: not an executable' -- "$V" "$T/core"
expect many-files-worst-status 2 'No such file' -- "$V" "$T/good.o" "$T/bad.o" "$T/nonexistent"
expect many-files-rejected 1 'V3' -- "$V" "$T/good.o" "$T/bad.o"
expect verbose-stats 0 'good.o: [0-9]+ bytes, [0-9]+ instructions, [0-9]+ bundles, [0-9.]+ MB/s: accepted' -- "$V" -v "$T/good.o"
expect first-only 1 'V3 memory-operand' -- "$V" --first "$T/bad.o"
n=$("$V" --first "$T/bad.o" "$T/bad.o" | wc -l)
if [ "$n" -eq 2 ]; then echo "PASS: tool/first-one-line-per-region"; else echo "FAIL: tool/first-one-line-per-region: $n lines"; fi

# Zydis is linked in statically (build/lib/libZydis.a): no tool needs
# libZydis.so at run time.
for t in lfi-verify lfi-run sobox; do
	[ -e "$BIN/$t" ] || continue
	needed=$(readelf -d "$BIN/$t" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
	case $needed in
	*libZydis*) echo "FAIL: tool/$t-static-zydis: NEEDED: $needed" ;;
	*) echo "PASS: tool/$t-static-zydis" ;;
	esac
done
