#!/bin/sh
# Install the Debian 12 packages the build and tests need.
# As root: apt-get installs what is missing. Otherwise: prints the command.
set -eu

# libzycore-dev: the headers Zydis is compiled against (Zydis itself is
# built from its Debian source package: scripts/build-zydis.sh).
PACKAGES="gcc make binutils libzycore-dev libelf-dev libdw-dev clang-14 libclang-rt-14-dev dpkg-dev tcl8.6 musl-tools nettle-dev"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "sobox: missing Debian packages:$missing" >&2
	echo "sobox: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "sobox: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq $missing >/dev/null
