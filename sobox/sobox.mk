# sobox: included from the top-level Makefile (BUILD, BIN, LIB, CC,
# CFLAGS, RUNTIME_CFLAGS). `sobox` is the tool; libsoboxrt.a is the
# part of every .box.so it does not generate (sobox/boxrt.c), linked
# with liblfirt.a into each one, hidden like the runtime.
all: $(BIN)/sobox $(LIB)/libsoboxrt.a

SOBOX_SRC := sobox/sobox.c sobox/embed.c sobox/deps.c
$(BIN)/sobox: $(SOBOX_SRC) sobox/embed.h sobox/boxrt.h $(LIB)/liblfiverify.a $(RUNTIME_HDR) sobox/sobox.mk
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iverifier -Iruntime -o $@ $(SOBOX_SRC) $(LIB)/liblfiverify.a -lZydis -lelf -lnettle

$(BUILD)/obj/sobox/boxrt.o: sobox/boxrt.c sobox/boxrt.h $(RUNTIME_HDR) sobox/sobox.mk
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -Iruntime -c -o $@ $<

$(LIB)/libsoboxrt.a: $(BUILD)/obj/sobox/boxrt.o
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^
