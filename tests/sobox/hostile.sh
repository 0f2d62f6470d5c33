#!/bin/bash
# Libraries that try to hurt the host through the trampolines (found by
# review): a nested frame that would not fit below the call slot, the
# nested calls of one callback creeping down the stack, a long double
# result after a fault under unmasked x87 exceptions, a signal handler
# calling in while a nested run executes box code.
# Usage: tests/sobox/hostile.sh BUILD_DIR. PASS:/FAIL: lines, exit 0.
set -u
B=$(cd "${1:?usage: hostile.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/hostile" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 0

pass() { echo "PASS: sobox-hostile/$1"; }
failt() { echo "FAIL: sobox-hostile/$1: $2"; }

# box NAME SRC HOST [HOST FLAGS]: the library boxed, the host linked
box() {
	"$B/bin/x86_64-lfi-linux-musl-gcc" -O2 -g -fPIC -shared -o lib$1.lfi.so "$SRC/$2" 2> err &&
		"$B/bin/sobox" -o lib$1.box.so lib$1.lfi.so 2>> err &&
		gcc -O2 -pthread -I. -o $1 "$SRC/$3" -L. -l:lib$1.box.so -Wl,-rpath,"$TMP" -lm 2>> err ||
		{ failt "$1/build" "$(head -c 300 err)"; return 1; }
}

if box creep creep.c creephost.c; then
	./creep > out 2> err
	[ $? -eq 0 ] && [ "$(grep -c '^via_cb -> 100000$' out)" = 3 ] && [ ! -s err ] &&
		pass nested-calls-do-not-creep || failt nested-calls-do-not-creep "$(tail -2 out) $(head -c 200 err)"
fi
if gcc -O2 -I. -o creepapi "$SRC/creepapi.c" -L. -l:libcreep.box.so -Wl,-rpath,"$TMP" 2> err; then
	./creepapi > out 2> err
	[ $? -eq 0 ] && grep -q '^via_cb -> 20000$' out && [ ! -s err ] &&
		pass box-api-calls-do-not-creep || failt box-api-calls-do-not-creep "$(tail -2 out) $(head -c 200 err)"
else
	failt creepapi-build "$(head -c 300 err)"
fi
if box evil evil.c evilhost.c; then
	./evil > out 2> err
	st=$?
	[ $st -eq 0 ] && grep -q '^host survived$' out && grep -q '^thread: evil -> -1$' out &&
		grep -q 'bigarg: a call into the box from a signal handler that interrupted it, or on a stack the library moved: refused' err &&
		pass nested-frame-that-does-not-fit-refused ||
		failt nested-frame-that-does-not-fit-refused "status $st: $(tr '\n' ' ' < out) $(head -c 200 err)"
fi
if box ld ld.c ldhost.c; then
	./ld > out 2> err
	st=$?
	[ $st -eq 0 ] && grep -q '^ok -> 4$' out && grep -q '^fault -> nan$' out &&
		grep -q '^fault0 -> nan$' out && grep -q '^host survived$' out &&
		pass x87-result-after-fault-is-nan ||
		failt x87-result-after-fault-is-nan "status $st: $(tr '\n' ' ' < out)"
fi
if box sigrun sigrun.c sigrunhost.c; then
	timeout 20 ./sigrun > out 2> err
	st=$?
	[ $st -eq 0 ] && grep -q '^via -> 2$' out && grep -q '^handler got -1$' out &&
		grep -q '^after: 9$' out && [ "$(wc -l < err)" -eq 1 ] &&
		grep -q 'id: a call into the box from a signal handler that interrupted it' err &&
		pass signal-during-nested-run-refused ||
		failt signal-during-nested-run-refused "status $st: $(tr '\n' ' ' < out) $(head -c 200 err)"
fi
# a host longjmp out of an inner callback back into the outer one: the
# outer run resumes (its callback frame puts the run back), the call
# the outer callback makes before returning is refused with one line
if [ -f libsigrun.box.so ] &&
   gcc -O2 -I. -o jmp "$SRC/jmphost.c" -L. -l:libsigrun.box.so -Wl,-rpath,"$TMP" 2> err &&
   gcc -O2 -DCALL_AFTER -I. -o jmp2 "$SRC/jmphost.c" -L. -l:libsigrun.box.so -Wl,-rpath,"$TMP" 2>> err; then
	./jmp > out 2> err
	st=$?
	[ $st -eq 0 ] && grep -q '^outer via -> 11$' out && grep -q '^after: id(9) -> 9$' out &&
		[ ! -s err ] && pass longjmp-into-outer-callback-resumes ||
		failt longjmp-into-outer-callback-resumes "status $st: $(tr '\n' ' ' < out)"
	./jmp2 > out 2> err
	st=$?
	[ $st -eq 0 ] && grep -q '^id(5) from cb1 -> -1$' out && grep -q '^outer via -> 11$' out &&
		grep -q '^after: id(9) -> 9$' out && [ "$(wc -l < err)" -eq 1 ] &&
		pass longjmp-into-outer-callback-then-call ||
		failt longjmp-into-outer-callback-then-call "status $st: $(tr '\n' ' ' < out) $(head -c 200 err)"
else
	failt longjmp-build "$(head -c 300 err)"
fi
# the same across two boxes: A's run must not resume with B's %gs
for l in jmpa jmpb; do
	"$B/bin/x86_64-lfi-linux-musl-gcc" -O2 -g -fPIC -shared -o lib$l.lfi.so "$SRC/$l.c" 2> err &&
		"$B/bin/sobox" -o lib$l.box.so lib$l.lfi.so 2>> err || failt jmp2box-build "$(head -c 300 err)"
done
if gcc -O2 -I. -o jmptwo "$SRC/jmptwo.c" -L. -l:libjmpa.box.so -l:libjmpb.box.so \
	-Wl,-rpath,"$TMP" 2> err; then
	./jmptwo > out 2> err
	st=$?
	[ $st -eq 0 ] && grep -q '^via_a -> 11$' out && grep -q '^id_a(9) -> 9, id_b(8) -> 8$' out &&
		pass longjmp-across-two-boxes-resumes-the-right-box ||
		failt longjmp-across-two-boxes-resumes-the-right-box "status $st: $(tr '\n' ' ' < out)"
else
	failt jmptwo-build "$(head -c 300 err)"
fi
# signal handlers calling in all the time while callbacks come and go
if gcc -O2 -pthread -I. -o sigstress "$SRC/sigstress.c" -L. -l:libsigrun.box.so \
	-Wl,-rpath,"$TMP" 2> err; then
	timeout 60 ./sigstress > out 2> err
	st=$?
	[ $st -eq 0 ] && grep -q '^done ok=' out && ! grep -v 'refused$' err | grep -q . &&
		pass signal-handlers-during-callbacks ||
		failt signal-handlers-during-callbacks "status $st: $(tr '\n' ' ' < out) $(grep -v 'refused$' err | head -c 200)"
else
	failt sigstress-build "$(head -c 300 err)"
fi
# and into a box left with stale words by a longjmp across two boxes
if gcc -O2 -I. -o stale "$SRC/stale.c" -L. -l:libjmpa.box.so -l:libsigrun.box.so \
	-Wl,-rpath,"$TMP" 2> err; then
	timeout 20 ./stale > out 2> err
	st=$?
	[ $st -eq 0 ] && grep -q '^handler got -1$' out && grep -q '^after: id(9) -> 9$' out &&
		pass signal-into-box-with-stale-words-refused ||
		failt signal-into-box-with-stale-words-refused "status $st: $(tr '\n' ' ' < out)"
else
	failt stale-build "$(head -c 300 err)"
fi
exit 0
