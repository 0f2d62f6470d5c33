# lfi-rewrite: included from the top-level Makefile, which defines BUILD,
# BIN, CC and CFLAGS. Objects go to their own directory, so the rules are
# independent of the verifier's and safe under make -j.
REWRITER_SRC := $(wildcard rewriter/*.c)
REWRITER_HDR := $(wildcard rewriter/*.h)
REWRITER_OBJ := $(REWRITER_SRC:rewriter/%.c=$(BUILD)/obj/rewriter/%.o)

all: $(BIN)/lfi-rewrite

$(BUILD)/obj/rewriter/%.o: rewriter/%.c $(REWRITER_HDR) rewriter/rewriter.mk
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BIN)/lfi-rewrite: $(REWRITER_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $(REWRITER_OBJ)
