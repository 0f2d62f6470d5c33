# The runtime: included from the top-level Makefile, which defines BUILD,
# LIB, CC, CFLAGS and the verifier's library. liblfirt.a is linked into
# every .box.so, so it is position-independent and exports nothing by
# default (-fvisibility=hidden): the application sees only what sobox's
# generated code exports.
RUNTIME_CORE_SRC := $(wildcard runtime/core/*.c)
RUNTIME_CORE_HDR := $(wildcard runtime/core/*.h)
RUNTIME_OBJ := $(RUNTIME_CORE_SRC:runtime/%.c=$(BUILD)/obj/runtime/%.o)
RUNTIME_CFLAGS := $(CFLAGS) -fPIC -fvisibility=hidden -Iverifier

all: $(LIB)/liblfirt.a $(BUILD)/tests/runtime-core
check: $(BUILD)/tests/runtime-core

$(BUILD)/obj/runtime/%.o: runtime/%.c $(RUNTIME_CORE_HDR) verifier/lfi_verify.h runtime/runtime.mk
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -c -o $@ $<

$(LIB)/liblfirt.a: $(RUNTIME_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/tests/runtime-core: tests/runtime/core.c $(LIB)/liblfirt.a $(LIB)/liblfiverify.a $(RUNTIME_CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iruntime/core -o $@ $< $(LIB)/liblfirt.a $(LIB)/liblfiverify.a -lZydis -lpthread
