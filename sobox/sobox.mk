# sobox: included from the top-level Makefile (BUILD, BIN, LIB, CC,
# CFLAGS, RUNTIME_CFLAGS). `sobox` is the tool; libsoboxrt.a is the
# part of every .box.so it does not generate (sobox/boxrt.c), linked
# with liblfirt.a into each one, hidden like the runtime.
all: $(BIN)/sobox $(LIB)/libsoboxrt.a

# sig.c, classify.c, cdecl.c: the exports' signatures from DWARF (libdw).
SOBOX_SRC := sobox/sobox.c sobox/options.c sobox/input.c sobox/archive.c \
             sobox/versions.c sobox/util.c sobox/sig.c sobox/classify.c sobox/cdecl.c \
             sobox/embed.c sobox/deps.c sobox/generate.c sobox/tramp.c sobox/api.c
SOBOX_HDR := sobox/sobox.h sobox/sig.h sobox/classify.h sobox/embed.h sobox/boxrt.h \
             sobox/tramp.h sobox/api.h

$(BIN)/sobox: $(SOBOX_SRC) $(SOBOX_HDR) $(LIB)/liblfiverify.a $(RUNTIME_HDR) sobox/sobox.mk \
              $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iverifier -Iruntime -o $@ $(SOBOX_SRC) $(LIB)/liblfiverify.a \
		$(ZYDIS_LIB) -ldw -lelf -lnettle

# libsoboxrt.a: the runtime side of a .box.so (boxrt.h)
SOBOXRT_OBJ := $(patsubst sobox/%,$(BUILD)/obj/sobox/%.o,\
               sobox/boxrt.c sobox/rt_thread.c sobox/rt_calls.c sobox/rt_api.c \
               sobox/rt_destroy.c \
               sobox/rt_entry.S)

$(BUILD)/obj/sobox/%.c.o: sobox/%.c sobox/boxrt.h $(RUNTIME_HDR) sobox/sobox.mk
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -Iruntime -c -o $@ $<

$(BUILD)/obj/sobox/%.S.o: sobox/%.S $(RUNTIME_HDR) sobox/sobox.mk
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -Iruntime -c -o $@ $<

$(LIB)/libsoboxrt.a: $(SOBOXRT_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

# The headers a generated tramp.S includes (runtime/core/trampoline.h).
all: $(BUILD)/include/core/trampoline.h $(BUILD)/include/core/thread.h
$(BUILD)/include/core/%.h: runtime/core/%.h
	@mkdir -p $(@D)
	cp $< $@
