#!/bin/sh
# fetch-source.sh PACKAGE DESTDIR [BUILDDIR]
#
# Fetch the Debian source package PACKAGE through apt, using a private apt
# configuration under BUILDDIR/apt (default BUILDDIR=build; /etc/apt is never
# modified), and unpack it with Debian's patches applied into DESTDIR.
# Prints "PACKAGE VERSION DESTDIR" on stdout. Errors are one line on stderr,
# "fetch-source: PACKAGE: reason", with a non-zero exit status.
#
# Environment: FETCH_SUITE (default bookworm) selects the Debian release.
set -eu

PKG=${1:-}
DEST=${2:-}
BUILDDIR=${3:-build}
SUITE=${FETCH_SUITE:-bookworm}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

die() { echo "fetch-source: ${PKG:-?}: $*" >&2; exit 1; }

if [ -z "$PKG" ] || [ -z "$DEST" ]; then
	echo "usage: fetch-source.sh PACKAGE DESTDIR [BUILDDIR]" >&2; exit 2
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found"
command -v dpkg-source >/dev/null 2>&1 ||
	die "dpkg-source not found (install dpkg-dev: scripts/install-deps.sh)"
[ -r "$KEYRING" ] || die "$KEYRING missing (install debian-archive-keyring)"

# Absolute paths: we cd into the download cache later.
mkdir -p "$BUILDDIR" "$(dirname "$DEST")" || die "cannot create directories"
BUILDDIR=$(cd "$BUILDDIR" && pwd)
DEST=$(cd "$(dirname "$DEST")" && pwd)/$(basename "$DEST")
APT=$BUILDDIR/apt
mkdir -p "$APT/etc/sources.list.d" "$APT/etc/trusted.gpg.d" \
	"$APT/etc/preferences.d" "$APT/state/lists/partial" \
	"$APT/cache/archives/partial" "$APT/sources" ||
	die "cannot create $APT"

# Serialise concurrent runs (e.g. make -j): they share lists and the cache.
exec 9>"$APT/lock"
command -v flock >/dev/null 2>&1 && flock 9

# --- Mirrors: reuse the machine's Debian mirrors for $SUITE ------------------
# Prints "SUITE URI" for every enabled deb/deb-src entry of the system's
# sources, in deb822 (*.sources) and one-line (*.list) formats.
system_entries() {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] || continue
		awk 'function flush(  i, j, u, s) {
			if (types ~ /deb/ && tolower(enabled) != "no") {
				nu = split(uris, u, " "); ns = split(suites, s, " ")
				for (i = 1; i <= ns; i++) for (j = 1; j <= nu; j++)
					print s[i], u[j]
			}
			types = uris = suites = ""; enabled = "yes"
		}
		BEGIN { enabled = "yes" }
		/^#/ { next }
		/^[ \t]*$/ { flush(); next }
		/^[ \t]/ { if (last == "uris") uris = uris " " $0
		           else if (last == "suites") suites = suites " " $0; next }
		{ k = tolower($1); sub(/:$/, "", k); v = $0; sub(/^[^:]*:[ \t]*/, "", v)
		  last = k
		  if (k == "types") types = v; else if (k == "uris") uris = v
		  else if (k == "suites") suites = v; else if (k == "enabled") enabled = v }
		END { flush() }' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -r "$f" ] || continue
		# deb [options] URI SUITE COMPONENTS...
		sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" |
			awk '$1 == "deb" || $1 == "deb-src" { print $3, $2 }'
	done
}
mirror_for() {	# mirror_for SUITE FALLBACK
	m=$(system_entries 2>/dev/null | awk -v s="$1" '$1 == s { print $2; exit }')
	echo "${m:-$2}" | sed 's:/*$::'
}
MAIN=$(mirror_for "$SUITE" http://deb.debian.org/debian)
UPDATES=$(mirror_for "$SUITE-updates" "$MAIN")
SECURITY=$(mirror_for "$SUITE-security" http://deb.debian.org/debian-security)

# --- Private apt configuration (rewritten only when it changes) -------------
# Signed-By keeps signature verification on, restricted to Debian's keyring.
opts="[signed-by=$KEYRING]"
sources="deb-src $opts $MAIN $SUITE main
deb-src $opts $UPDATES $SUITE-updates main
deb-src $opts $SECURITY $SUITE-security main"
conf="Dir::Etc::sourcelist \"$APT/etc/sources.list\";
Dir::Etc::sourceparts \"$APT/etc/sources.list.d\";
Dir::Etc::trustedparts \"$APT/etc/trusted.gpg.d\";
Dir::Etc::preferencesparts \"$APT/etc/preferences.d\";
Dir::State \"$APT/state\";
Dir::State::status \"/var/lib/dpkg/status\";
Dir::Cache \"$APT/cache\";
Acquire::Languages \"none\";"
# As root, apt downloads as the _apt user, which cannot write to a build
# tree owned by someone else; a normal user downloads as itself anyway.
[ "$(id -u)" -eq 0 ] && conf="$conf
APT::Sandbox::User \"root\";"

stamp=$APT/state/update-stamp
if [ "$(cat "$APT/etc/sources.list" 2>/dev/null)" != "$sources" ] ||
   [ "$(cat "$APT/apt.conf" 2>/dev/null)" != "$conf" ]; then
	printf '%s\n' "$sources" >"$APT/etc/sources.list"
	printf '%s\n' "$conf" >"$APT/apt.conf"
	rm -f "$stamp"		# configuration changed: refresh the lists
fi
APT_CONFIG=$APT/apt.conf
export APT_CONFIG

# first_error LOG: the most useful line of a failed command's log.
first_error() { grep -m1 '^E:' "$1" || tail -n1 "$1"; }

# --- Package lists: update when missing or older than a day -----------------
if [ ! -e "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440)" ]; then
	if apt-get -q update >"$APT/update.log" 2>&1 &&
	   ! grep -q '^[WE]:' "$APT/update.log"; then
		touch "$stamp"
	elif ls "$APT"/state/lists/*_Sources* >/dev/null 2>&1; then
		# Offline with older lists: keep going with what we have.
		echo "fetch-source: $PKG: warning: apt-get update failed, using old lists ($APT/update.log)" >&2
	else
		die "apt-get update failed: $(first_error "$APT/update.log")"
	fi
fi

# --- Download into the cache (skipped when its files are already there) ----
# --print-uris omits files present in the current directory, so ask from an
# empty one to get the full list, one "'URI' NAME SIZE HASH" line per file.
uris=$(cd "$APT/etc/sources.list.d" &&
	apt-get source --print-uris -qq "$PKG" 2>"$APT/source.log") ||
	die "apt-get source failed: $(first_error "$APT/source.log")"
dsc=$(printf '%s\n' "$uris" | awk '$2 ~ /\.dsc$/ { print $2; exit }')
[ -n "$dsc" ] || die "no source package found"
cd "$APT/sources"
missing=$(printf '%s\n' "$uris" | while read -r _ name size _; do
	[ "$(wc -c 2>/dev/null <"$name" || echo 0)" -eq "$size" ] || echo "$name"
done)
if [ -n "$missing" ]; then
	# apt checks each file's hash against the signed Sources index.
	if ! apt-get source --download-only -q "$PKG" >"$APT/source.log" 2>&1 ||
	   [ ! -s "$dsc" ]; then
		die "apt-get source failed: $(first_error "$APT/source.log")"
	fi
fi
VERSION=$(sed -n 's/^Version:[ \t]*//p' "$dsc" | head -n1)
exec 9>&-	# downloads done: release the lock

# --- Extract: into a temporary dir next to DESTDIR, then rename -------------
tmp=$(mktemp -d "$DEST.tmp.XXXXXX") || die "cannot create temp dir near $DEST"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
log=$tmp/dpkg-source.log
dpkg-source -x "$APT/sources/$dsc" "$tmp/src" >"$log" 2>&1 ||
	die "dpkg-source -x failed: $(grep -m1 'error' "$log" || tail -n1 "$log")"
rm -rf "$DEST"
mv "$tmp/src" "$DEST" || die "cannot rename into $DEST"

echo "$PKG $VERSION ${2}"
