#!/bin/sh
# Install the Debian packages yuedu needs, if any is missing.  As root this
# runs apt-get; otherwise it prints the command to run and fails.
# `scripts/deps.sh fuzz` adds clang and its libFuzzer runtime (make fuzz).
set -eu
PKGS="cmake make gcc pkg-config libncurses-dev libutf8proc-dev libunistring-dev libopencc-dev opencc libcmocka-dev libpcre2-dev libmd4c-dev tmux less man-db python3 time zlib1g-dev libxml2-dev libzip-dev zip gettext"
if [ "${1:-}" = fuzz ]; then
	PKGS="$PKGS clang libclang-rt-14-dev"
fi
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "yuedu: missing packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq || true
	apt-get install -y -qq --no-install-recommends $missing
else
	echo "yuedu: run: sudo apt-get install -y$missing" >&2
	exit 1
fi
