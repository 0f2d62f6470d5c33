# tests/realcode/common.sh — sourced by build-*.sh (bash).
#
#   rc_init NAME PACKAGE BUILD_DIR   set the variables below, take the lock
#   rc_uptodate                      true if nothing needs rebuilding
#   rc_start                         fetch the source, fresh build tree
#   rc_install FILE DEST LOG         install a built file or record why not
#   rc_fail_all REASON               record REASON for every output
#   rc_finish                        stamp, timing, exit status
#
# Layout under BUILD_DIR/realcode/:
#   NAME/            the build tree (out of tree: the source stays pristine)
#   NAME/errors/X    one line: why output X was not built (run.sh prints it)
#   NAME/.stamp      after every complete build, failed or not (its time
#                    is the start of that build)
#   lib/, bin/       the outputs (shared libraries with their SONAME links,
#                    static-pie programs); removed before every rebuild, so
#                    a failed build never leaves a stale output behind
# Sources: BUILD_DIR/src/PACKAGE, fetched by scripts/fetch-source.sh when
# missing (never modified: the builds are out of tree); the Debian version
# built is recorded in NAME/source-version.
#
# Each script declares OUTPUTS (paths relative to BUILD_DIR/realcode) before
# calling rc_uptodate.

rc_die() { echo "$RC_NAME: $*" >&2; exit 1; }

rc_init() {
	RC_NAME=$1 RC_PKG=$2
	[ -n "${3:-}" ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
	RC_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
	RC_TOP=$(cd "$RC_HERE/../.." && pwd)
	mkdir -p "$3/realcode"
	B=$(cd "$3" && pwd)
	CC_LFI=$B/bin/x86_64-lfi-linux-musl-gcc
	SRC=$B/src/$RC_PKG
	OBJ=$B/realcode/$RC_NAME
	OUT=$B/realcode
	RC_SCRIPT=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
	# Everything an output depends on besides the library's own source.
	RC_DEPS="$CC_LFI $B/bin/lfi-rewrite $B/bin/lfi-verify
		$B/sysroot/lib/libc.a $B/sysroot/lib/libbuiltins.a
		$B/sysroot/lib/rcrt1.o $B/sysroot/lib/crti.o $B/sysroot/lib/crtn.o
		$RC_SCRIPT $RC_HERE/common.sh${RC_EXTRA_DEPS:+ $RC_EXTRA_DEPS}"
	# One build of NAME at a time (make -j, two make checks at once).
	exec 8>"$OUT/.$RC_NAME.lock"
	command -v flock >/dev/null 2>&1 && flock 8
	RC_T0=$(date +%s)
}

rc_uptodate() {
	local d o
	[ -e "$OBJ/.stamp" ] || return 1
	[ -d "$SRC" ] || return 1
	for d in $RC_DEPS; do
		[ "$OBJ/.stamp" -nt "$d" ] || return 1
	done
	for o in $OUTPUTS; do
		[ -e "$OUT/$o" ] || [ -e "$OBJ/errors/$(basename "$o")" ] || return 1
	done
}

rc_start() {
	local o
	for o in $OUTPUTS; do rm -f "$OUT/$o"; done
	rm -rf "$OBJ"
	mkdir -p "$OBJ/errors" "$OUT/lib" "$OUT/bin"
	# The stamp carries the start time: a dependency that changes during
	# the build makes the next run rebuild.
	touch "$OBJ/.stamp.new"
	[ -x "$CC_LFI" ] || { rc_fail_all "$CC_LFI missing: run make"; exit 1; }
	if [ ! -d "$SRC" ]; then
		# A fetch failure (offline?) is not stamped: the next run retries.
		if ! (cd "$RC_TOP" && scripts/fetch-source.sh "$RC_PKG" "$SRC" "$B") >/dev/null 2>"$OBJ/fetch.log"; then
			rc_fail_all "$(tail -n1 "$OBJ/fetch.log")"
			exit 1
		fi
	fi
	RC_VERSION=$(dpkg-parsechangelog -l "$SRC/debian/changelog" -S Version 2>/dev/null || echo unknown)
	echo "$RC_PKG $RC_VERSION" >"$OBJ/source-version"
	echo "$RC_NAME: building $RC_PKG $RC_VERSION in $OBJ"
}

# rc_reason LOG: the most useful line of a failed build log: the driver's
# own message (rewriter, verifier, post-link), else a compiler or linker
# error, else the driver's "TOOL failed" line, else the last line.
rc_reason() {
	local r
	r=$(grep -E '^x86_64-lfi-linux-musl-gcc: ' "$1" | grep -v 'failed (exit status' | head -n1 || true)
	[ -n "$r" ] || r=$(grep -m1 -E '(error|undefined reference|[Nn]o rule to make)' "$1" || true)
	[ -n "$r" ] || r=$(grep -m1 -E 'failed \(exit status' "$1" || true)
	[ -n "$r" ] || r=$(tail -n1 "$1" || true)
	printf '%s (log %s)\n' "$(printf '%s' "$r" | cut -c1-400)" "$1"
}

rc_fail_all() {
	local o
	mkdir -p "$OBJ/errors"
	for o in $OUTPUTS; do
		echo "$1" >"$OBJ/errors/$(basename "$o")"
	done
	echo "$RC_NAME: $1" >&2
}

# rc_install FILE DEST LOG [LINK...]: copy the built FILE to OUT/DEST (and
# make each LINK in DEST's directory a symlink to it), or record the reason
# from LOG in errors/.
rc_install() {
	local f=$1 dest=$2 log=$3 l
	shift 3
	if [ -f "$f" ]; then
		cp "$f" "$OUT/$dest.tmp" && mv "$OUT/$dest.tmp" "$OUT/$dest"
		for l in "$@"; do
			ln -sfn "$(basename "$dest")" "$OUT/$(dirname "$dest")/$l"
		done
	else
		rc_reason "$log" >"$OBJ/errors/$(basename "$dest")"
		echo "$RC_NAME: $dest not built: $(cat "$OBJ/errors/$(basename "$dest")")" >&2
	fi
}

rc_finish() {
	local o bad=0 t
	for o in $OUTPUTS; do [ -e "$OUT/$o" ] || bad=1; done
	mv "$OBJ/.stamp.new" "$OBJ/.stamp"
	t=$(($(date +%s) - RC_T0))
	echo "$t" >"$OBJ/build-seconds"
	echo "$RC_NAME: done in ${t}s ($([ $bad -eq 0 ] && echo "all outputs built" || echo "some outputs failed, see $OBJ/errors"))"
	exit $bad
}
