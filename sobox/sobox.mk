# sobox: included from the top-level Makefile (BUILD, BIN, LIB, CC,
# CFLAGS, RUNTIME_CFLAGS). `sobox` is the tool; libsoboxrt.a is the
# part of every .box.so it does not generate (sobox/boxrt.c), linked
# with liblfirt.a into each one, hidden like the runtime.
all: $(BIN)/sobox $(LIB)/libsoboxrt.a

# sig.c, classify.c, cdecl.c: the exports' signatures from DWARF (libdw).
SOBOX_SRC := sobox/sobox.c sobox/options.c sobox/input.c sobox/archive.c \
             sobox/versions.c sobox/util.c sobox/sig.c sobox/classify.c sobox/cdecl.c
SOBOX_HDR := sobox/sobox.h sobox/sig.h sobox/classify.h

$(BIN)/sobox: $(SOBOX_SRC) $(SOBOX_HDR) $(LIB)/liblfiverify.a $(RUNTIME_HDR) sobox/sobox.mk \
              $(ZYDIS_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iverifier -Iruntime -o $@ $(SOBOX_SRC) $(LIB)/liblfiverify.a \
		$(ZYDIS_LIB) -ldw -lelf

$(BUILD)/obj/sobox/boxrt.o: sobox/boxrt.c sobox/boxrt.h $(RUNTIME_HDR) sobox/sobox.mk
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -Iruntime -c -o $@ $<

$(LIB)/libsoboxrt.a: $(BUILD)/obj/sobox/boxrt.o
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^
