# The runtime: included from the top-level Makefile, which defines BUILD,
# LIB, CC, CFLAGS and the verifier's library. liblfirt.a is linked into
# every .box.so, so it is position-independent and exports nothing by
# default (-fvisibility=hidden): the application sees only what sobox's
# generated code exports.
RUNTIME_CORE_SRC := $(wildcard runtime/core/*.c) $(wildcard runtime/core/*.S)
RUNTIME_CORE_HDR := $(wildcard runtime/core/*.h)
RUNTIME_LINUX_SRC := $(wildcard runtime/linux/*.c)
RUNTIME_HDR := $(RUNTIME_CORE_HDR) $(wildcard runtime/linux/*.h) \
               verifier/lfi_verify.h verifier/lfi_note.h
RUNTIME_OBJ := $(patsubst runtime/%,$(BUILD)/obj/runtime/%.o,\
                 $(RUNTIME_CORE_SRC) $(RUNTIME_LINUX_SRC))
RUNTIME_CFLAGS := $(CFLAGS) -fPIC -fvisibility=hidden -Iverifier

all: $(LIB)/liblfirt.a $(BUILD)/tests/runtime-core $(BIN)/lfi-run
check: $(BUILD)/tests/runtime-core

$(BUILD)/obj/runtime/%.c.o: runtime/%.c $(RUNTIME_HDR) runtime/runtime.mk
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -c -o $@ $<

$(BUILD)/obj/runtime/%.S.o: runtime/%.S $(RUNTIME_HDR) runtime/runtime.mk
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -c -o $@ $<

# SHA-256 (linux/sha256.c) is nettle's, from Debian's static libnettle.a:
# `ld -r` joins the archive members lfi_sha256 needs to its object, and
# every symbol but lfi_sha256 becomes local. A .box.so then needs no
# libnettle.so, and nettle's names never meet an application's own.
NETTLE_A := $(shell $(CC) -print-file-name=libnettle.a)
$(BUILD)/obj/runtime/linux/sha256.c.o: runtime/linux/sha256.c $(RUNTIME_HDR) runtime/runtime.mk | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -c -o $@.own.o $<
	ld -r -o $@.joined.o $@.own.o $(NETTLE_A)
	objcopy --keep-global-symbol=lfi_sha256 $@.joined.o $@
	rm -f $@.own.o $@.joined.o

# lfi-run: the Linux layer's command-line front end
$(BIN)/lfi-run: runtime/lfi-run.c $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(RUNTIME_HDR) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iverifier -o $@ $< $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(ZYDIS_LIB) -lpthread

$(LIB)/liblfirt.a: $(RUNTIME_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/tests/runtime-core: tests/runtime/core.c $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(RUNTIME_CORE_HDR) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iruntime/core -o $@ $< $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(ZYDIS_LIB) -lpthread

# Calling into a box from C: the callee is compiled with the LFI driver,
# its .text extracted as raw bytes next to the object (CALLEE.bin,
# CALLEE.bin.o for its symbols).
RUNTIME_CALLEE := $(BUILD)/tests/runtime-callee.bin
$(RUNTIME_CALLEE): tests/runtime/callee.c $(BIN)/x86_64-lfi-linux-musl-gcc $(BIN)/lfi-rewrite $(BIN)/lfi-verify
	@mkdir -p $(@D)
	$(BIN)/x86_64-lfi-linux-musl-gcc -O2 -c -o $@.o $<
	objcopy -O binary --only-section=.text $@.o $@

$(BUILD)/tests/runtime-call: tests/runtime/call.c $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(RUNTIME_HDR) $(RUNTIME_CALLEE) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iruntime/core -o $@ $< $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(ZYDIS_LIB) -lpthread
all: $(BUILD)/tests/runtime-call

$(BIN)/call-bench: bench/call-bench.c bench/timing.h $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(RUNTIME_HDR) $(RUNTIME_CALLEE) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iruntime/core -o $@ $< $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(ZYDIS_LIB) -lpthread

# signals, faults and the FP environment (tests/runtime/signals.c)
all: $(BUILD)/tests/runtime-signals
check: $(BUILD)/tests/runtime-signals
$(BUILD)/tests/runtime-signals: tests/runtime/signals.c $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(RUNTIME_CORE_HDR) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iruntime/core -o $@ $< $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(ZYDIS_LIB) -lpthread

# Isolation through the transitions: hand-written sandbox code.
RUNTIME_ISOLATION := $(BUILD)/tests/runtime-isolation.bin
$(RUNTIME_ISOLATION): tests/runtime/isolation.s
	@mkdir -p $(@D)
	as --64 -o $@.o $<
	objcopy -O binary --only-section=.text $@.o $@

$(BUILD)/tests/runtime-isolation: tests/runtime/isolation.c $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(RUNTIME_HDR) $(RUNTIME_ISOLATION) $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iruntime/core -o $@ $< $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(ZYDIS_LIB) -lpthread
all: $(BUILD)/tests/runtime-isolation

# Memory files and the digest rule from inside a box (tests/runtime/memfile.sh)
$(BUILD)/tests/runtime-memfile: tests/runtime/memfile.c $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(RUNTIME_HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iruntime -Iverifier -o $@ $< $(LIB)/liblfirt.a $(LIB)/liblfiverify.a -lZydis -lnettle -lpthread
all: $(BUILD)/tests/runtime-memfile
