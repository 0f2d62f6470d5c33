/* x86_64-lfi-linux-musl-gcc: see README.md. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run_host(const char *flag)
{
	struct argv cmd = {0};
	av_push(&cmd, tool_cc());
	av_push(&cmd, flag);
	int st = run(&cmd, NULL, NULL, NULL);
	av_free(&cmd);
	return st;
}

/* -print-file-name=X: the sysroot's file when there is one; otherwise X
   itself, which is what gcc prints for a file it cannot find. Never the
   host's libgcc or crt files (they must not enter sandboxed links). */
static int print_file_name(const char *name)
{
	char *p = sysroot_lib(name);
	puts(*name && access(p, F_OK) == 0 ? p : name);
	return 0;
}

int main(int argc, char **argv)
{
	struct options o;
	if (parse_args(argc, argv, &o))
		return 1;
	run_verbose = o.verbose;

	if (o.version) {
		printf(PROG " (sobox LFI-x64 driver " DRIVER_VERSION
			    ") wrapping:\n");
		fflush(stdout);
		return run_host("--version");
	}
	if (o.dumpmachine) {
		puts("x86_64-lfi-linux-musl");
		return 0;
	}
	if (o.dumpversion)
		return run_host("-dumpversion");
	if (o.print_file_name)
		return print_file_name(o.print_file_name);
	if (o.print_libgcc)
		return print_file_name(BUILTINS_LIB);
	if (o.print_prog_name) {
		const char *p = o.print_prog_name;
		puts(!strcmp(p, "as") ? tool_as() : !strcmp(p, "lfi-rewrite") ? tool_rewrite()
			: !strcmp(p, "lfi-verify") ? tool_verify() : p);
		return 0;
	}
	if (o.ninputs == 0) {
		if (o.verbose) {
			fprintf(stderr, PROG " (sobox LFI-x64 driver " DRIVER_VERSION ")\n");
			return run_host("-v");
		}
		error("no input files");
		return 1;
	}
	if (o.mode == MODE_LINK)
		return link_all(&o);
	if (o.mode == MODE_PREPROCESS) {
		if (o.output && o.ninputs > 1) {
			error("cannot specify '-o' with '-c', '-S' or '-E' with multiple files");
			return 1;
		}
		return preprocess_all(&o);
	}

	size_t ncompile = 0;
	for (size_t i = 0; i < o.ninputs; i++)
		if (o.inputs[i].lang != LANG_OBJECT)
			ncompile++;
	if (o.output && ncompile > 1) {
		error("cannot specify '-o' with '-c', '-S' or '-E' with multiple files");
		return 1;
	}
	int worst = 0;
	for (size_t i = 0; i < o.ninputs; i++) {
		const struct input *in = &o.inputs[i];
		if (in->lang == LANG_OBJECT) {
			fprintf(stderr, PROG ": warning: %s: linker input file unused because "
					"linking not done\n", in->path);
			continue;
		}
		int st = compile_input(&o, in);
		if (st && !worst)
			worst = st;
	}
	return worst;
}
