#!/bin/sh
# install.sh: `make install` into a temporary DESTDIR gives a command that
# finds its default dictionary relative to itself and codes with no --dict,
# and installs the manual page.
set -u
cd "$(dirname "$0")/../.." || exit 2
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-install.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
fail=0
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

make -s install DESTDIR="$T" PREFIX=/opt/parley >/dev/null || bad "make install failed"
[ -f "$T/opt/parley/share/man/man1/parley.1" ] || bad "manual page not installed"
[ -f "$T/opt/parley/share/parley/default.dict" ] || bad "default dictionary not installed"
out=$(echo "Egypt condemned Israel on Monday." |
      env -u PARLEY_DICT "$T/opt/parley/bin/parley" code --input lines --format tsv 2>&1)
case $out in
    *"	EGY	ISR	111	"*) ;;
    *) bad "installed parley did not code with its default dictionary: $out" ;;
esac
[ $fail = 0 ] && echo "install.sh: all passed"
exit $((fail != 0))
