/*
 * count-steps: counts the instructions a call executes, by single-stepping
 * the program with ptrace.
 *
 *   count-steps [-v] [-sym FILE]... PROGRAM [ARG...]
 *
 * PROGRAM (count-host.c) marks each call to measure with an int3 right
 * before the `call` and one right after it (count-call.S), %r11 pointing
 * at the region's name at the first. From the first int3's stop,
 * count-steps single-steps until the next instruction is an int3 at the
 * %rsp the region began with (the marker after the call; an int3 inside
 * the call would be at another %rsp), so the count is every instruction
 * from the `call` to the callee's last `ret` inclusive: in a .box.so, the
 * trampoline, the sandbox code, the return stub, runtime call 24 and the
 * trampoline's way out.
 *
 * For each region it prints the count and the breakdown: runs of
 * consecutive instructions in the same place (file and symbol), so the
 * parts of a boxed call come out in the order they run. -v also prints
 * every instruction (address, place, AT&T text from Zydis).
 *
 * Places: a file-backed mapping is symbolized from the file's .symtab
 * (or .dynsym). The box's code is in anonymous mappings (the runtime
 * copies it before verifying it); an anonymous executable mapping right
 * after a mapping of file F at offset O is taken to be F at the offset
 * that follows, the way a loader lays out segments. A memfd's name is
 * only a base name: -sym FILE gives the file for it (the .lfi.so).
 * Anonymous code with no file is shown as box+OFFSET from its 4 GiB
 * boundary (boxes are 4 GiB-aligned): the runtime's stub pages.
 */
#define _GNU_SOURCE
#include <Zydis/Zydis.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_STEPS 100000	/* a region that runs away is reported as such */

static int verbose;
static const char *sym_files[16];
static int n_sym_files;
static int mem_fd = -1;		/* /proc/PID/mem of the traced program */

/* --- the traced program's memory and mappings ------------------------- */

static size_t peek(uint64_t addr, void *buf, size_t len)
{
	ssize_t n = pread(mem_fd, buf, len, (off_t)addr);
	return n < 0 ? 0 : (size_t)n;
}

struct mapping {
	uint64_t start, end, pgoff;
	char perms[5];
	char name[256];		/* "" when anonymous */
	const char *file;	/* the file to symbolize with, or NULL */
	uint64_t file_off;	/* the offset of start in it */
};

static struct mapping maps[1024];
static int n_maps;

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* A memfd or a file known by -sym: the file to read symbols from. */
static const char *file_for(const char *name)
{
	char base[256];

	if (!name[0] || name[0] == '[')
		return NULL;
	if (!strncmp(name, "/memfd:", 7))	/* "/memfd:NAME (deleted)" */
		snprintf(base, sizeof base, "%s", name + 7);
	else
		snprintf(base, sizeof base, "%s", base_name(name));
	char *d = strstr(base, " (deleted)");
	if (d)
		*d = '\0';
	for (int i = 0; i < n_sym_files; i++)
		if (!strcmp(base_name(sym_files[i]), base))
			return sym_files[i];
	if (strncmp(name, "/memfd:", 7) && access(name, R_OK) == 0)
		return name;
	return NULL;
}

static void read_maps(pid_t pid)
{
	char path[64], line[512];
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/maps", pid);
	if (!(f = fopen(path, "r"))) {
		perror(path);
		exit(1);
	}
	n_maps = 0;
	while (n_maps < (int)(sizeof maps / sizeof *maps) && fgets(line, sizeof line, f)) {
		struct mapping *m = &maps[n_maps];
		int off = 0;

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%lx-%lx %4s %lx %*s %*s%n", &m->start, &m->end,
			   m->perms, &m->pgoff, &off) < 4)
			continue;
		const char *nm = line + off;
		while (*nm == ' ')
			nm++;
		snprintf(m->name, sizeof m->name, "%s", nm);
		m->file = file_for(m->name);
		m->file_off = m->pgoff;
		/* anonymous code right after a mapping of a file: its next
		   segment (the runtime copied it there to verify it) */
		if (!m->name[0] && n_maps > 0 && maps[n_maps - 1].end == m->start &&
		    maps[n_maps - 1].file) {
			struct mapping *p = &maps[n_maps - 1];
			m->file = p->file;
			m->file_off = p->file_off + (p->end - p->start);
			memcpy(m->name, p->name, sizeof m->name);
		}
		n_maps++;
	}
	fclose(f);
}

static const struct mapping *mapping_of(uint64_t addr)
{
	for (int i = 0; i < n_maps; i++)
		if (addr >= maps[i].start && addr < maps[i].end)
			return &maps[i];
	return NULL;
}

/* --- symbols of the files --------------------------------------------- */

struct symbol {
	uint64_t value, size;
	char *name;
};

struct symfile {
	const char *path;
	struct symbol *syms;
	size_t n;
	GElf_Phdr load[16];	/* PT_LOAD: file offset -> address */
	int n_load;
};

static struct symfile symfiles[32];
static int n_symfiles;

static struct symfile *load_symbols(const char *path)
{
	for (int i = 0; i < n_symfiles; i++)
		if (!strcmp(symfiles[i].path, path))
			return &symfiles[i];
	if (n_symfiles == (int)(sizeof symfiles / sizeof *symfiles))
		return NULL;
	struct symfile *sf = &symfiles[n_symfiles++];
	memset(sf, 0, sizeof *sf);
	sf->path = path;

	int fd = open(path, O_RDONLY);
	Elf *e = fd < 0 ? NULL : elf_begin(fd, ELF_C_READ, NULL);
	if (!e)
		goto out;
	size_t nph = 0;
	elf_getphdrnum(e, &nph);
	for (size_t i = 0; i < nph && sf->n_load < 16; i++) {
		GElf_Phdr ph;
		if (gelf_getphdr(e, (int)i, &ph) && ph.p_type == PT_LOAD)
			sf->load[sf->n_load++] = ph;
	}
	/* .symtab when the file has one (hidden and local symbols: the
	   runtime's entry points), else .dynsym */
	Elf_Scn *scn = NULL, *pick = NULL;
	GElf_Shdr sh, pick_sh = { 0 };
	while ((scn = elf_nextscn(e, scn)))
		if (gelf_getshdr(scn, &sh) &&
		    (sh.sh_type == SHT_SYMTAB || (sh.sh_type == SHT_DYNSYM && !pick))) {
			pick = scn;
			pick_sh = sh;
		}
	if (pick) {
		Elf_Data *d = elf_getdata(pick, NULL);
		size_t n = pick_sh.sh_entsize ? pick_sh.sh_size / pick_sh.sh_entsize : 0;
		sf->syms = calloc(n ? n : 1, sizeof *sf->syms);
		for (size_t i = 0; d && i < n; i++) {
			GElf_Sym s;
			if (!gelf_getsym(d, (int)i, &s) || s.st_shndx == SHN_UNDEF ||
			    (GELF_ST_TYPE(s.st_info) != STT_FUNC &&
			     GELF_ST_TYPE(s.st_info) != STT_NOTYPE))
				continue;
			const char *nm = elf_strptr(e, pick_sh.sh_link, s.st_name);
			if (!nm || !nm[0] || nm[0] == '.' || nm[0] == '$')
				continue;
			sf->syms[sf->n++] = (struct symbol){ s.st_value, s.st_size, strdup(nm) };
		}
	}
	elf_end(e);
out:
	if (fd >= 0)
		close(fd);
	return sf;
}

/* "file:symbol+off" (or file+off, or box+off) for a code address */
static void place(uint64_t addr, char *out, size_t size, char *sym_out, size_t sym_size)
{
	const struct mapping *m = mapping_of(addr);

	snprintf(sym_out, sym_size, "?");
	if (!m) {
		snprintf(out, size, "?");
		return;
	}
	if (!m->file) {
		if (m->name[0])
			snprintf(out, size, "%s", base_name(m->name));
		else {		/* the runtime's pages in a box */
			snprintf(out, size, "box+%#lx", addr & 0xffffffffUL);
			snprintf(sym_out, sym_size, "box:page+%#lx",
				 m->start & 0xffffffffUL);
			return;
		}
		snprintf(sym_out, sym_size, "%s", out);
		return;
	}
	struct symfile *sf = load_symbols(m->file);
	uint64_t off = addr - m->start + m->file_off, va = off;
	int found = 0;
	for (int i = 0; sf && i < sf->n_load; i++)
		if (off >= sf->load[i].p_offset &&
		    off < sf->load[i].p_offset + sf->load[i].p_memsz) {
			va = off - sf->load[i].p_offset + sf->load[i].p_vaddr;
			found = 1;
			break;
		}
	const struct symbol *best = NULL;
	for (size_t i = 0; found && i < sf->n; i++) {
		const struct symbol *s = &sf->syms[i];
		if (s->value > va || (s->size && va >= s->value + s->size))
			continue;
		/* inside a sized symbol beats the nearest one below */
		if (!best || (s->size && !best->size) ||
		    (!!s->size == !!best->size && s->value > best->value))
			best = s;
	}
	const char *file = base_name(m->file);
	if (best) {
		snprintf(sym_out, sym_size, "%s:%s", file, best->name);
		snprintf(out, size, "%s:%s+%#lx", file, best->name, va - best->value);
	} else {
		snprintf(sym_out, sym_size, "%s", file);
		snprintf(out, size, "%s+%#lx", file, va);
	}
}

/* --- one region --------------------------------------------------------- */

static void disassemble(uint64_t addr, char *text, size_t size)
{
	uint8_t code[16];
	size_t n = peek(addr, code, sizeof code);
	ZydisDisassembledInstruction insn;

	if (n && ZYAN_SUCCESS(ZydisDisassembleATT(ZYDIS_MACHINE_MODE_LONG_64, addr,
						   code, n, &insn)))
		snprintf(text, size, "%s", insn.text);
	else
		snprintf(text, size, "(unreadable)");
}

static void wait_stop(pid_t pid, int *status)
{
	if (waitpid(pid, status, 0) < 0) {
		perror("count-steps: waitpid");
		exit(1);
	}
	if (WIFEXITED(*status) || WIFSIGNALED(*status)) {
		fprintf(stderr, "count-steps: the program ended inside a region\n");
		exit(1);
	}
}

/* Does the instruction at addr have a rep prefix? With the trap flag
   set, a rep string instruction stops after every iteration, at its own
   address: those steps are one instruction. */
static int is_rep(uint64_t addr)
{
	uint8_t code[16];
	size_t n = peek(addr, code, sizeof code);
	ZydisDisassembledInstruction insn;

	return n && ZYAN_SUCCESS(ZydisDisassembleATT(ZYDIS_MACHINE_MODE_LONG_64, addr,
						      code, n, &insn)) &&
	       (insn.info.attributes & (ZYDIS_ATTRIB_HAS_REP | ZYDIS_ATTRIB_HAS_REPE |
					ZYDIS_ATTRIB_HAS_REPNE));
}

/* From the stop after the first int3 (%rip at the call) to the int3
   after it; prints the region and leaves %rip past that int3. */
static void count_region(pid_t pid, struct user_regs_struct *r)
{
	char label[64] = "?", where[320], sym[320], prev[320] = "", text[96];
	uint64_t rsp0 = r->rsp;
	static uint64_t rips[MAX_STEPS];
	static long iters[MAX_STEPS];	/* steps of each instruction: rep */
	long n = 0, steps = 0;
	int status, other_signal = 0;

	size_t ln = peek(r->r11, label, sizeof label - 1);
	label[ln] = '\0';
	read_maps(pid);
	for (;;) {
		uint8_t op = 0;
		peek(r->rip, &op, 1);
		if (op == 0xcc && r->rsp == rsp0)
			break;
		if (n && rips[n - 1] == r->rip && is_rep(r->rip)) {
			iters[n - 1]++;		/* the next iteration */
		} else {
			if (n == MAX_STEPS) {
				fprintf(stderr, "count-steps: %s: over %d instructions\n",
					label, MAX_STEPS);
				exit(1);
			}
			rips[n] = r->rip;
			iters[n++] = 1;
		}
		steps++;
		if (ptrace(PTRACE_SINGLESTEP, pid, 0, 0) < 0) {
			perror("count-steps: PTRACE_SINGLESTEP");
			exit(1);
		}
		wait_stop(pid, &status);
		if (WSTOPSIG(status) != SIGTRAP)	/* not expected in a call */
			other_signal = WSTOPSIG(status);
		ptrace(PTRACE_GETREGS, pid, 0, r);
	}
	printf("%s: %ld instructions", label, n);
	if (steps != n)
		printf(" (%ld single steps: rep iterations)", steps);
	printf("%s\n", other_signal ? " (a signal came in: the count is not exact)" : "");
	/* -v: each instruction; then the breakdown, runs of one place */
	for (long i = 0; verbose && i < n; i++) {
		place(rips[i], where, sizeof where, sym, sizeof sym);
		disassemble(rips[i], text, sizeof text);
		printf("  %4ld  %#14lx  %-40s %s", i + 1, rips[i], where, text);
		if (iters[i] > 1)
			printf("    (%ld iterations)", iters[i]);
		printf("\n");
	}
	long run = 0;
	for (long i = 0; i <= n; i++) {
		if (i < n)
			place(rips[i], where, sizeof where, sym, sizeof sym);
		if (i == n || (run && strcmp(sym, prev))) {
			printf("  %4ld  %s\n", run, prev);
			run = 0;
		}
		snprintf(prev, sizeof prev, "%s", sym);
		run++;
	}
	r->rip++;		/* past the closing int3 */
	ptrace(PTRACE_SETREGS, pid, 0, r);
}

/* --- main --------------------------------------------------------------- */

static void usage(void)
{
	fprintf(stderr, "usage: count-steps [-v] [-sym FILE]... PROGRAM [ARG...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int i = 1, status, regions = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "-sym") && i + 1 < argc && n_sym_files < 16)
			sym_files[n_sym_files++] = argv[++i];
		else
			usage();
	}
	if (i == argc)
		usage();
	elf_version(EV_CURRENT);

	pid_t pid = fork();
	if (pid < 0) {
		perror("count-steps: fork");
		return 1;
	}
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		execvp(argv[i], argv + i);
		perror(argv[i]);
		_exit(127);
	}
	/* the exec's stop */
	if (waitpid(pid, &status, 0) < 0 || !WIFSTOPPED(status)) {
		fprintf(stderr, "count-steps: %s did not start\n", argv[i]);
		return 1;
	}
	ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_EXITKILL);
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/mem", pid);
	if ((mem_fd = open(path, O_RDONLY)) < 0) {
		perror(path);
		return 1;
	}
	int sig = 0;
	for (;;) {
		ptrace(PTRACE_CONT, pid, 0, sig);
		if (waitpid(pid, &status, 0) < 0) {
			perror("count-steps: waitpid");
			return 1;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status))
			break;
		sig = WSTOPSIG(status);
		if (sig != SIGTRAP)
			continue;	/* the program's own signal: delivered */
		siginfo_t si;
		struct user_regs_struct r;
		uint8_t op = 0;
		ptrace(PTRACE_GETSIGINFO, pid, 0, &si);
		ptrace(PTRACE_GETREGS, pid, 0, &r);
		peek(r.rip - 1, &op, 1);
		if (si.si_code != SI_KERNEL || op != 0xcc)
			continue;	/* not a marker */
		count_region(pid, &r);
		regions++;
		sig = 0;
	}
	if (WIFSIGNALED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "count-steps: %s failed (%s %d)\n", argv[i],
			WIFSIGNALED(status) ? "signal" : "exit status",
			WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
		return 1;
	}
	if (!regions) {
		fprintf(stderr, "count-steps: %s marked no call (int3 pairs)\n", argv[i]);
		return 1;
	}
	return 0;
}
