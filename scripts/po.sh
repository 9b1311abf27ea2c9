#!/bin/sh
# The message catalogs (po/): what to translate, from the sources.
#   scripts/po.sh pot OUT GEN_POT   write the template: xgettext over the
#                                   sources' _() and N_(), and GEN_POT's
#                                   table messages (tools/gen_pot.c)
#   scripts/po.sh update GEN_POT    po/yuedu.pot made again, and each
#                                   po/LANG.po merged with it (`make po`)
# Run from anywhere; the sources are found beside this script.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
# Messages are located by file alone: a line moved is no change to the
# catalogs (nor a conflict between branches).

pot() {
	out=$1 gen=$2
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	(cd "$src" && xgettext --language=C --from-code=UTF-8 \
	    --keyword=_ --keyword=N_ --keyword=P_:1,2 --add-comments=TRANSLATORS: \
	    --package-name=yuedu --msgid-bugs-address=yuedu --sort-by-file \
	    --add-location=file \
	    --no-wrap -o "$tmp/code.pot" src/*.c include/yuedu/*.h)
	"$gen" >"$tmp/rows.pot"
	msguniq --use-first --no-wrap --add-location=file -o "$tmp/tables.pot" "$tmp/rows.pot"
	# The tables' fragment has no header; msgcat takes the first's.
	msgcat --use-first --no-wrap --add-location=file -o "$tmp/all.pot" "$tmp/code.pot" \
	    "$tmp/tables.pot"
	# A stable template: no creation date to differ on every run.
	sed -e '/^"POT-Creation-Date:/d' -e 's/charset=CHARSET/charset=UTF-8/' \
	    "$tmp/all.pot" >"$out"
}

case "${1:-}" in
pot)
	pot "$2" "$3"
	;;
update)
	pot "$src/po/yuedu.pot" "$2"
	for po in "$src"/po/*.po; do
		msgmerge --quiet --update --backup=none --no-wrap --add-location=file \
		    --no-fuzzy-matching "$po" "$src/po/yuedu.pot"
		printf '%s: ' "$(basename "$po")"
		msgfmt --check --statistics -o /dev/null "$po"
	done
	;;
*)
	echo "usage: scripts/po.sh pot OUT GEN_POT | update GEN_POT" >&2
	exit 2
	;;
esac
