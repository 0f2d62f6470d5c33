# x86_64-lfi-linux-musl-gcc: included from the top-level Makefile, which
# defines BUILD, BIN, CC and CFLAGS. Objects go to their own directory, so
# the rules are independent of the others and safe under make -j.
DRIVER_SRC := $(wildcard driver/*.c)
DRIVER_HDR := $(wildcard driver/*.h)
DRIVER_OBJ := $(DRIVER_SRC:driver/%.c=$(BUILD)/obj/driver/%.o)

all: $(BIN)/x86_64-lfi-linux-musl-gcc

$(BUILD)/obj/driver/%.o: driver/%.c $(DRIVER_HDR) verifier/lfi_note.h driver/driver.mk
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iverifier -c -o $@ $<

$(BIN)/x86_64-lfi-linux-musl-gcc: $(DRIVER_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $(DRIVER_OBJ) -lelf
