# tests/realcode/sqlite3-lfi.mk — rules added to SQLite's generated Makefile
# (make -f Makefile -f sqlite3-lfi.mk), used by build-sqlite3.sh. They use
# the Makefile's own variables (TCC: CC, CFLAGS, configure's defines and
# include paths; SHELL_OPT, ST_OPT, READLINE_FLAGS, TLIBS) and replace its
# libtool links, which cannot name the library libsqlite3.lfi.so.0 and
# would link the shell dynamically.

LFI_OUTPUTS = libsqlite3.lfi.so.0.8.6 sqlite3.lfi speedtest1.lfi
lfi-all: $(LFI_OUTPUTS)

# The amalgamation, position-independent (as libtool compiles it for
# libsqlite3.so). The shell links the same object, as upstream's shell links
# libsqlite3.
sqlite3.pic.o: sqlite3.c sqlite3.h
	$(TCC) -fPIC -DPIC -c sqlite3.c -o $@

# libtool's -version-info 8:6:8 gives libsqlite3.so.0.8.6, SONAME .so.0.
libsqlite3.lfi.so.0.8.6: sqlite3.pic.o
	$(TCC) -shared -Wl,-soname,libsqlite3.lfi.so.0 -o $@ sqlite3.pic.o $(TLIBS)

sqlite3.lfi: shell.c sqlite3.pic.o
	$(TCC) $(READLINE_FLAGS) $(SHELL_OPT) -static-pie -o $@ \
		shell.c sqlite3.pic.o $(LIBREADLINE) $(TLIBS)

# As upstream's speedtest1 rule: its own copy of the amalgamation, ST_OPT.
speedtest1.lfi: $(TOP)/test/speedtest1.c sqlite3.c
	$(TCC) $(ST_OPT) -static-pie -o $@ $(TOP)/test/speedtest1.c sqlite3.c $(TLIBS)

.PHONY: lfi-all
