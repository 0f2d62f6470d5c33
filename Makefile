# sobox top-level Makefile. `make` builds everything into build/,
# `make check` runs every test, `make demo` shows the main demo.

BUILD   := build
BIN     := $(BUILD)/bin
LIB     := $(BUILD)/lib
OBJ     := $(BUILD)/obj
CC      := gcc
CLANG   := clang-14
CFLAGS  := -std=gnu17 -O2 -g -Wall -Wextra -Wshadow -Wno-unused-parameter
# The verifier's rules are small functions across files; link-time
# optimisation inlines them (about 15% of verification time).
LTO     := -flto=auto -ffat-lto-objects
AR      := gcc-ar
DEPSTAMP := $(BUILD)/.deps-installed
# Zydis, static and position-independent, built from Debian's source
# package (scripts/build-zydis.sh): linked into every tool and every
# .box.so, so none of them needs libZydis.so at run time.
ZYDIS_LIB := $(LIB)/libZydis.a
ZYDIS_CFLAGS := -I$(BUILD)/zydis/include -DZYDIS_STATIC_BUILD -DZYCORE_STATIC_BUILD
CFLAGS  += $(ZYDIS_CFLAGS)

.PHONY: all check bench demo fuzz clean deps
all: $(ZYDIS_LIB) $(BIN)/lfi-verify $(LIB)/liblfiverify.a

# Debian packages: installed once (see scripts/install-deps.sh).
$(DEPSTAMP): scripts/install-deps.sh
	@mkdir -p $(BUILD)
	@scripts/install-deps.sh
	@touch $@
deps: $(DEPSTAMP)

# --- Zydis (static, from Debian's zydis source package) ---------------------
# The headers (build/zydis/include) are installed with the archive, which
# is renamed into place last: depending on the archive covers both.
$(ZYDIS_LIB): scripts/build-zydis.sh scripts/fetch-source.sh | $(DEPSTAMP)
	scripts/build-zydis.sh $(BUILD)
.PHONY: zydis
zydis: $(ZYDIS_LIB)

# --- verifier -------------------------------------------------------------
VERIFIER_SRC := verifier/verify.c verifier/decode.c verifier/isa.c \
                verifier/operands.c verifier/macros.c verifier/reasons.c \
                verifier/note.c
VERIFIER_HDR := verifier/lfi_verify.h verifier/lfi_note.h verifier/decode.h \
                verifier/rules.h
VERIFIER_OBJ := $(VERIFIER_SRC:verifier/%.c=$(OBJ)/verifier/%.o)

$(OBJ)/verifier/%.o: verifier/%.c $(VERIFIER_HDR) $(ZYDIS_LIB) Makefile | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LTO) -fPIC -c -o $@ $<

$(LIB)/liblfiverify.a: $(VERIFIER_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(BIN)/lfi-verify: verifier/lfi-verify.c $(LIB)/liblfiverify.a $(VERIFIER_HDR) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LTO) -Iverifier -o $@ $< $(LIB)/liblfiverify.a $(ZYDIS_LIB) -lelf

# --- rewriter (lfi-rewrite) -------------------------------------------------
include rewriter/rewriter.mk

# --- compiler driver (x86_64-lfi-linux-musl-gcc) ----------------------------
include driver/driver.mk

# --- runtime (liblfirt.a) and its tests --------------------------------------
include runtime/runtime.mk

# --- sobox (the tool, and libsoboxrt.a linked into every .box.so) -----------
include sobox/sobox.mk

# --- sysroot: musl from Debian's source package, through the driver ---------
SYSROOT_LIBC := $(BUILD)/sysroot/lib/libc.a
SYSROOT_DEPS := sysroot/build.sh scripts/fetch-source.sh \
                $(shell find sysroot/arch -type f) \
                $(BIN)/x86_64-lfi-linux-musl-gcc $(BIN)/lfi-rewrite $(BIN)/lfi-verify
all: $(SYSROOT_LIBC)
$(SYSROOT_LIBC): $(SYSROOT_DEPS)
	sysroot/build.sh $(BUILD)
.PHONY: sysroot
sysroot: $(SYSROOT_LIBC)

# --- compiler builtins (sysroot/builtins), through the driver ---------------
# libc.so and configure's link tests go through the driver's link step,
# which adds libbuiltins.a to every link: build it first.
BUILTINS_LIB := $(BUILD)/sysroot/lib/libbuiltins.a
BUILTINS_DEPS := sysroot/builtins/build.sh $(wildcard sysroot/builtins/*.[ch]) \
                 $(BIN)/x86_64-lfi-linux-musl-gcc $(BIN)/lfi-rewrite $(BIN)/lfi-verify
all: $(BUILTINS_LIB)
$(BUILTINS_LIB): $(BUILTINS_DEPS)
	sysroot/builtins/build.sh $(BUILD)
$(SYSROOT_LIBC): $(BUILTINS_LIB)

# --- tests, fuzzing, benchmarks -------------------------------------------
FUZZ_TARGET := $(BUILD)/fuzz/fuzz-verify
$(FUZZ_TARGET): tests/fuzz/fuzz-verify.c $(VERIFIER_SRC) $(VERIFIER_HDR) $(ZYDIS_LIB) | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CLANG) -std=gnu17 -O1 -g -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined $(ZYDIS_CFLAGS) -Iverifier -o $@ $< \
		$(VERIFIER_SRC) $(ZYDIS_LIB)

UNIT_TESTS := $(BUILD)/tests/verifier-unit $(BUILD)/tests/verifier-internal
$(BUILD)/tests/verifier-internal: tests/verifier/internal.c $(VERIFIER_OBJ) $(VERIFIER_HDR) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iverifier -o $@ $< $(VERIFIER_OBJ) $(ZYDIS_LIB)

$(BUILD)/tests/verifier-unit: tests/verifier/unit.c $(LIB)/liblfiverify.a $(VERIFIER_HDR) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iverifier -o $@ $< $(LIB)/liblfiverify.a $(ZYDIS_LIB)

$(BIN)/verify-bench: bench/verify-bench.c $(LIB)/liblfiverify.a $(VERIFIER_HDR) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LTO) -Iverifier -o $@ $< $(LIB)/liblfiverify.a $(ZYDIS_LIB)

check: all $(UNIT_TESTS) $(FUZZ_TARGET)
	@tests/run-all.sh $(BUILD)

fuzz: $(FUZZ_TARGET)
	@tests/fuzz/run.sh $(FUZZ_TARGET) $(BUILD)/fuzz $${FUZZ_SECONDS:-3600}

# The call cost of a .box.so against a native library, and the
# instructions of one call (bench/README.md).
$(BIN)/sobox-bench: bench/sobox-bench.c bench/timing.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< -ldl

$(BIN)/count-steps: bench/count-steps.c $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(ZYDIS_LIB) -lelf

bench: all $(BIN)/verify-bench $(BIN)/call-bench $(BIN)/lfi-run $(BIN)/sobox-bench \
       $(BIN)/count-steps
	@bench/run-bench.sh $(BUILD)
	@echo
	@bench/sobox-bench.sh $(BUILD)
	@echo
	@echo "== SQLite speedtest1 in a box vs natively (same libc) =="
	@bench/speedtest-bench.sh $(BUILD)

# The demo: a library boxed by sobox under an unmodified program, a
# contained fault, the call cost (demo/sobox-demo.sh). demo-toolchain:
# the verifier and the LFI toolchain on their own.
.PHONY: demo-toolchain
demo: all $(BIN)/sobox-bench
	@demo/sobox-demo.sh $(BUILD)

demo-toolchain: all
	@demo/verifier-demo.sh $(BUILD)
	@echo
	@demo/toolchain-demo.sh $(BUILD)

clean:
	rm -rf $(BUILD)
